// Exposes GLPK's public header to Swift; nothing else belongs here.
#include <glpk.h>

#include "zd_yaml.h"

// The branching rules' copy of a node's constraint matrix (drtom.c), read
// from GLPK's API at each node or assembled from a copy of the search's own
// rows taken once (zd_branch_cache, nodematrix.c). Internal to CGLPKGuard.
#ifndef ZD_NODEMATRIX_H
#define ZD_NODEMATRIX_H
#include "CGLPKGuard.h"

// The node's constraint matrix by column (GLPK's order) and by row (the
// non-basic columns only), and the status of every row and column, read once
// per branching.
typedef struct zd_node_matrix {
    int m, n;
    int *col_start, *col_row; // column j: entries col_start[j] ..< col_start[j + 1]
    double *col_value;
    int *row_start, *row_col; // row i: its non-basic columns row_col[row_start[i] ..< row_start[i + 1]]
    int *row_stat, *col_stat;
    double *row_dual, *col_dual; // reduced costs, as glp_get_row_dual / glp_get_col_dual give them
    double *rho;
    char *touched;
    int *tab_ind; // scratch for one tableau row (m + n + 1 entries), as zd_tableau_row fills it
    double *tab_val;
} zd_node_matrix;

void zd_matrix_free(zd_node_matrix *a);

// The node's matrix through glp_get_mat_col, column by column. Returns 0 on
// success; non-zero when out of memory (everything freed).
int zd_matrix_read(zd_node_matrix *a, glp_prob *problem);

// The same copy, entry for entry and in the same order, with the search's own
// rows taken from `cache` (filled at the first call of a search) and only the
// rows GLPK added since (cuts, lazy rows) read at this node. NULL cache: as
// zd_matrix_read. Same return convention.
int zd_matrix_read_cached(zd_node_matrix *a, glp_tree *tree, glp_prob *problem, zd_branch_cache *cache);

#endif

// The branching rules' copy of a node's matrix (nodematrix.h), and the copy of
// the search's own rows that spares reading them at every node.
//
// Why: the links-first rule (zd_branch_drtom_among) read every column of the
// node's matrix through glp_get_mat_col (a linked-list walk each) at every
// branching, about 4 % of the whole process on peer row 24 (free 30 x 2). The
// search's own rows never change during glp_intopt (GLPK changes their bounds,
// not their coefficients, and removes only the rows it added), so they are
// read once; at each node only the rows added since (cuts, lazy rows: every
// row after the search's own) are read, through glp_get_mat_row.
//
// Same order: glp_set_mat_row puts each new entry at the head of its column's
// list, and GLPK adds rows at the end one after another, so a column lists its
// entries of added rows first, the last added (the highest index) first, then
// its entries of the search's own rows in the order they had when copied.
// The tableau rows then sum the same terms in the same order
// (zd_branch_cache_agrees checks the copy against glp_get_mat_col's).
#include "nodematrix.h"

#include <stdlib.h>
#include <string.h>

struct zd_branch_cache {
    glp_prob *problem; // the problem the copy was taken from (NULL: none yet)
    int m0, n;         // the search's own rows (1 ... m0) and the columns
    int *col_start, *col_row; // column j's entries of rows 1 ... m0: col_start[j] ..< col_start[j + 1]
    double *col_value;
    int *added;        // scratch: per column, entries of added rows at this node (n + 2)
    int *ind;          // scratch for glp_get_mat_row (n + 1)
    double *val;
};

zd_branch_cache *zd_branch_cache_create(void) { return calloc(1, sizeof(zd_branch_cache)); }

static void zd_cache_clear(zd_branch_cache *cache) {
    free(cache->col_start);
    free(cache->col_row);
    free(cache->col_value);
    free(cache->added);
    free(cache->ind);
    free(cache->val);
    *cache = (zd_branch_cache){0};
}

void zd_branch_cache_destroy(zd_branch_cache *cache) {
    if (cache == NULL) return;
    zd_cache_clear(cache);
    free(cache);
}

void zd_matrix_free(zd_node_matrix *a) {
    free(a->col_start);
    free(a->col_row);
    free(a->col_value);
    free(a->row_start);
    free(a->row_col);
    free(a->row_stat);
    free(a->col_stat);
    free(a->row_dual);
    free(a->col_dual);
    free(a->rho);
    free(a->touched);
    free(a->tab_ind);
    free(a->tab_val);
}

// Allocates every array of an m x n copy with nnz entries; 0 on success.
static int zd_matrix_alloc(zd_node_matrix *a, int m, int n, int nnz) {
    *a = (zd_node_matrix){.m = m, .n = n};
    a->col_start = malloc(sizeof(int) * (size_t)(n + 2));
    a->col_row = malloc(sizeof(int) * (size_t)(nnz + 1));
    a->col_value = malloc(sizeof(double) * (size_t)(nnz + 1));
    a->row_start = calloc((size_t)m + 2, sizeof(int));
    a->row_col = malloc(sizeof(int) * (size_t)(nnz + 1));
    a->row_stat = malloc(sizeof(int) * (size_t)(m + 1));
    a->col_stat = malloc(sizeof(int) * (size_t)(n + 1));
    a->row_dual = malloc(sizeof(double) * (size_t)(m + 1));
    a->col_dual = malloc(sizeof(double) * (size_t)(n + 1));
    a->rho = malloc(sizeof(double) * (size_t)(m + 1));
    a->touched = calloc((size_t)n + 1, 1);
    a->tab_ind = malloc(sizeof(int) * (size_t)(m + n + 1));
    a->tab_val = malloc(sizeof(double) * (size_t)(m + n + 1));
    if (!a->col_start || !a->col_row || !a->col_value || !a->row_start || !a->row_col || !a->row_stat ||
        !a->col_stat || !a->row_dual || !a->col_dual || !a->rho || !a->touched || !a->tab_ind || !a->tab_val) {
        zd_matrix_free(a);
        return 1;
    }
    return 0;
}

// Statuses, reduced costs and the copy by row, once the columns are in. The copy by row
// holds the non-basic columns only: a tableau row has no entry of a basic column, so
// zd_tableau_row skips them anyway, and at a node about half the columns are basic.
static int zd_matrix_finish(zd_node_matrix *a, glp_prob *problem) {
    int m = a->m, n = a->n;
    int *fill = calloc((size_t)m + 2, sizeof(int));
    if (fill == NULL) {
        zd_matrix_free(a);
        return 1;
    }
    for (int j = 1; j <= n; j++) {
        a->col_stat[j] = glp_get_col_stat(problem, j);
        a->col_dual[j] = glp_get_col_dual(problem, j);
        if (a->col_stat[j] != GLP_BS)
            for (int p = a->col_start[j]; p < a->col_start[j + 1]; p++) a->row_start[a->col_row[p] + 1]++;
    }
    for (int i = 1; i <= m; i++) {
        a->row_start[i + 1] += a->row_start[i];
        a->row_stat[i] = glp_get_row_stat(problem, i);
        a->row_dual[i] = glp_get_row_dual(problem, i);
    }
    for (int j = 1; j <= n; j++) {
        if (a->col_stat[j] == GLP_BS) continue;
        for (int p = a->col_start[j]; p < a->col_start[j + 1]; p++) {
            int i = a->col_row[p];
            a->row_col[a->row_start[i] + fill[i]++] = j;
        }
    }
    free(fill);
    return 0;
}

// Copies the entries of rows 1 ... last_row of every column of `problem`, column by column
// in glp_get_mat_col's order, into col_start / col_row / col_value; 0 on success, 1 when its
// scratch arrays cannot be allocated.
static int zd_read_columns(glp_prob *problem, int n, int last_row, int *col_start, int *col_row, double *col_value) {
    int m = glp_get_num_rows(problem);
    int *ind = malloc(sizeof(int) * (size_t)(m + 1));
    double *val = malloc(sizeof(double) * (size_t)(m + 1));
    if (ind == NULL || val == NULL) {
        free(ind);
        free(val);
        return 1;
    }
    int at = 0;
    for (int j = 1; j <= n; j++) {
        col_start[j] = at;
        int len = glp_get_mat_col(problem, j, ind, val);
        for (int t = 1; t <= len; t++)
            if (ind[t] <= last_row) col_row[at] = ind[t], col_value[at] = val[t], at++;
    }
    col_start[n + 1] = at;
    free(ind);
    free(val);
    return 0;
}

int zd_matrix_read(zd_node_matrix *a, glp_prob *problem) {
    int m = glp_get_num_rows(problem), n = glp_get_num_cols(problem);
    if (zd_matrix_alloc(a, m, n, glp_get_num_nz(problem)) != 0) return 1;
    if (zd_read_columns(problem, n, m, a->col_start, a->col_row, a->col_value) != 0) {
        zd_matrix_free(a);
        return 1;
    }
    return zd_matrix_finish(a, problem);
}

// The search's own rows: the leading rows GLPK calls regular (GLP_RF_REG); cuts and lazy
// rows come after them.
static int zd_own_rows(glp_tree *tree, glp_prob *problem) {
    int m = glp_get_num_rows(problem), own = 0;
    glp_attr attr;
    while (own < m) {
        glp_ios_row_attr(tree, own + 1, &attr);
        if (attr.origin != GLP_RF_REG) break;
        own++;
    }
    return own;
}

// Copies rows 1 ... m0 of `problem` by column into `cache`; 0 on success.
static int zd_cache_fill(zd_branch_cache *cache, glp_tree *tree, glp_prob *problem) {
    zd_cache_clear(cache);
    int n = glp_get_num_cols(problem), nnz = glp_get_num_nz(problem);
    int m0 = zd_own_rows(tree, problem);
    cache->col_start = malloc(sizeof(int) * (size_t)(n + 2));
    cache->col_row = malloc(sizeof(int) * (size_t)(nnz + 1));
    cache->col_value = malloc(sizeof(double) * (size_t)(nnz + 1));
    cache->added = malloc(sizeof(int) * (size_t)(n + 2));
    cache->ind = malloc(sizeof(int) * (size_t)(n + 1));
    cache->val = malloc(sizeof(double) * (size_t)(n + 1));
    if (!cache->col_start || !cache->col_row || !cache->col_value || !cache->added || !cache->ind || !cache->val
        || zd_read_columns(problem, n, m0, cache->col_start, cache->col_row, cache->col_value) != 0) {
        zd_cache_clear(cache);
        return 1;
    }
    cache->problem = problem;
    cache->m0 = m0;
    cache->n = n;
    return 0;
}

// Column j's entries of the added rows go to a->col_start[j] onwards, the highest row first.
static void zd_place_added(zd_node_matrix *a, zd_branch_cache *cache, glp_prob *problem) {
    int n = a->n;
    for (int j = 1; j <= n; j++) cache->added[j] = 0;
    for (int i = a->m; i > cache->m0; i--) {
        int len = glp_get_mat_row(problem, i, cache->ind, cache->val);
        for (int t = 1; t <= len; t++) {
            int j = cache->ind[t];
            int p = a->col_start[j] + cache->added[j]++;
            a->col_row[p] = i;
            a->col_value[p] = cache->val[t];
        }
    }
}

int zd_matrix_read_cached(zd_node_matrix *a, glp_tree *tree, glp_prob *problem, zd_branch_cache *cache) {
    if (cache == NULL) return zd_matrix_read(a, problem);
    int m = glp_get_num_rows(problem), n = glp_get_num_cols(problem), nnz = glp_get_num_nz(problem);
    if ((cache->problem != problem || cache->n != n || cache->m0 > m) && zd_cache_fill(cache, tree, problem) != 0)
        return zd_matrix_read(a, problem);
    // Each column's length at this node: its own rows' entries and the added rows'.
    int added = 0;
    for (int j = 1; j <= n + 1; j++) cache->added[j] = 0;
    for (int i = cache->m0 + 1; i <= m; i++) {
        int len = glp_get_mat_row(problem, i, cache->ind, NULL);
        for (int t = 1; t <= len; t++) cache->added[cache->ind[t]]++;
        added += len;
    }
    if (cache->col_start[n + 1] + added != nnz) return zd_matrix_read(a, problem); // not the copied rows
    if (zd_matrix_alloc(a, m, n, nnz) != 0) return 1;
    int at = 0;
    for (int j = 1; j <= n; j++) {
        a->col_start[j] = at;
        at += cache->added[j] + cache->col_start[j + 1] - cache->col_start[j];
    }
    a->col_start[n + 1] = at;
    zd_place_added(a, cache, problem);
    for (int j = 1; j <= n; j++) {
        int own = cache->col_start[j + 1] - cache->col_start[j];
        int to = a->col_start[j + 1] - own;
        memcpy(a->col_row + to, cache->col_row + cache->col_start[j], sizeof(int) * (size_t)own);
        memcpy(a->col_value + to, cache->col_value + cache->col_start[j], sizeof(double) * (size_t)own);
    }
    return zd_matrix_finish(a, problem);
}

int zd_branch_cache_agrees(glp_tree *tree, glp_prob *problem, zd_branch_cache *cache) {
    zd_node_matrix read, cached;
    if (zd_matrix_read(&read, problem) != 0) return -1;
    if (zd_matrix_read_cached(&cached, tree, problem, cache) != 0) {
        zd_matrix_free(&read);
        return -1;
    }
    int m = read.m, n = read.n, entries = read.col_start[n + 1], by_row = read.row_start[m + 1];
    int same = cached.n == n && cached.m == m && cached.col_start[n + 1] == entries &&
               memcmp(read.col_start + 1, cached.col_start + 1, sizeof(int) * (size_t)n) == 0 &&
               memcmp(read.col_row, cached.col_row, sizeof(int) * (size_t)entries) == 0 &&
               memcmp(read.col_value, cached.col_value, sizeof(double) * (size_t)entries) == 0 &&
               memcmp(read.row_start + 1, cached.row_start + 1, sizeof(int) * (size_t)m) == 0 &&
               memcmp(read.row_col, cached.row_col, sizeof(int) * (size_t)by_row) == 0;
    zd_matrix_free(&read);
    zd_matrix_free(&cached);
    return same;
}

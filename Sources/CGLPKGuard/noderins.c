// The node heuristic: a relaxation-induced neighbourhood solved as a separate MIP.
// Why: in the free people model GLPK's own search spends much of its tree finding the
// roster after its bound has reached the optimum (docs/FORMULATION.md, "A roster early in
// the people model's search, thirteenth round").
#include "CGLPKGuard.h"

#include <math.h>
#include <stdlib.h>

// Bounds before the search: columns 1..columns, then rows 1..rows at columns + i. GLPK's
// node preprocessing frees rows it finds redundant at a node, so the rows are kept too.
struct zd_bounds {
    int columns;
    int rows;
    int *types;
    double *lower;
    double *upper;
};

static void zd_bounds_free(zd_bounds *bounds) {
    if (bounds == NULL) return;
    free(bounds->types);
    free(bounds->lower);
    free(bounds->upper);
    free(bounds);
}

// Allocates room for `count` bounds (1-based); NULL when out of memory.
static zd_bounds *zd_bounds_create(int columns, int rows) {
    zd_bounds *bounds = calloc(1, sizeof *bounds);
    if (bounds == NULL) return NULL;
    size_t count = (size_t)columns + (size_t)rows + 1;
    bounds->columns = columns;
    bounds->rows = rows;
    bounds->types = malloc(sizeof(int) * count);
    bounds->lower = malloc(sizeof(double) * count);
    bounds->upper = malloc(sizeof(double) * count);
    if (bounds->types == NULL || bounds->lower == NULL || bounds->upper == NULL) {
        zd_bounds_free(bounds);
        return NULL;
    }
    return bounds;
}

void zd_node_heuristic_begin(zd_session *session, glp_prob *problem) {
    if (session->heur_every <= 0) return;
    int n = glp_get_num_cols(problem), m = glp_get_num_rows(problem);
    zd_bounds *bounds = zd_bounds_create(n, m);
    if (bounds == NULL) {
        session->heur_every = 0; // no heuristic beats failing the search
        return;
    }
    for (int j = 1; j <= n; j++) {
        bounds->types[j] = glp_get_col_type(problem, j);
        bounds->lower[j] = glp_get_col_lb(problem, j);
        bounds->upper[j] = glp_get_col_ub(problem, j);
    }
    for (int i = 1; i <= m; i++) {
        bounds->types[n + i] = glp_get_row_type(problem, i);
        bounds->lower[n + i] = glp_get_row_lb(problem, i);
        bounds->upper[n + i] = glp_get_row_ub(problem, i);
    }
    session->heur_bounds = bounds;
}

void zd_node_heuristic_end(zd_session *session) {
    zd_bounds_free(session->heur_bounds);
    session->heur_bounds = NULL;
}

// An LP value closer than this to an integer counts as that integer.
static const double zd_heur_integral = 1e-6;

// Stops the sub-MIP once its tree holds the node limit.
static void zd_sub_callback(glp_tree *tree, void *info) {
    const int *limit = info;
    int active = 0, nodes = 0, total = 0;
    glp_ios_tree_size(tree, &active, &nodes, &total);
    if (total >= *limit) glp_ios_terminate(tree);
}

// Fixes in `sub` the integer columns the node's LP sets to an integer; with an incumbent,
// only those where it agrees (RINS). The other columns and the search's own rows get back
// their bounds from before the search (rows GLPK added since, cuts and lazy rows, stay as
// the node has them). Returns how many columns it fixed.
static int zd_fix_neighbourhood(glp_prob *problem, glp_prob *sub, const zd_bounds *bounds, int incumbent) {
    int n = glp_get_num_cols(problem), fixed = 0;
    for (int j = 1; j <= n; j++) {
        double x = glp_get_col_prim(problem, j);
        double r = floor(x + 0.5);
        int integer = glp_get_col_kind(problem, j) != GLP_CV;
        int agrees = !incumbent || fabs(glp_mip_col_val(problem, j) - r) < 0.5;
        if (integer && fabs(x - r) <= zd_heur_integral && agrees) {
            glp_set_col_bnds(sub, j, GLP_FX, r, r);
            fixed++;
        } else {
            glp_set_col_bnds(sub, j, bounds->types[j], bounds->lower[j], bounds->upper[j]);
        }
    }
    for (int i = 1; i <= bounds->rows; i++)
        glp_set_row_bnds(sub, i, bounds->types[n + i], bounds->lower[n + i], bounds->upper[n + i]);
    return fixed;
}

// With an incumbent, a row in `sub` keeping its objective below the incumbent's (above when
// maximising), so that the sub-MIP prunes everything that would not improve.
static void zd_add_cutoff(glp_prob *problem, glp_prob *sub) {
    int n = glp_get_num_cols(problem), length = 0;
    int *indices = malloc(sizeof(int) * (size_t)(n + 1));
    double *values = malloc(sizeof(double) * (size_t)(n + 1));
    if (indices != NULL && values != NULL) {
        for (int j = 1; j <= n; j++) {
            double c = glp_get_obj_coef(problem, j);
            if (c == 0.0) continue;
            length++;
            indices[length] = j;
            values[length] = c;
        }
        double best = glp_mip_obj_val(problem) - glp_get_obj_coef(problem, 0);
        double margin = 1e-6 * (1.0 + fabs(best));
        int row = glp_add_rows(sub, 1);
        if (glp_get_obj_dir(problem) == GLP_MIN)
            glp_set_row_bnds(sub, row, GLP_UP, 0.0, best - margin);
        else
            glp_set_row_bnds(sub, row, GLP_LO, best + margin, 0.0);
        glp_set_mat_row(sub, row, length, indices, values);
    }
    free(indices);
    free(values);
}

// Solves the neighbourhood in `sub` with presolve (its fixed columns go) and no time limit;
// 1 when it holds a point.
static int zd_solve_sub(glp_prob *sub, int node_limit) {
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.cb_func = zd_sub_callback;
    parm.cb_info = &node_limit;
    (void)glp_intopt(sub, &parm);
    int status = glp_mip_status(sub);
    return status == GLP_OPT || status == GLP_FEAS;
}

// Whether `value` improves on the search's incumbent (any value does while there is none).
static int zd_improves(glp_prob *problem, double value, int incumbent) {
    if (!incumbent) return 1;
    double best = glp_mip_obj_val(problem);
    double margin = 1e-9 * (1.0 + fabs(best));
    return glp_get_obj_dir(problem) == GLP_MIN ? value < best - margin : value > best + margin;
}

// Offers the sub-MIP's point when it improves and Swift accepts it (x: 1-based).
static void zd_offer(glp_tree *tree, glp_prob *problem, glp_prob *sub, zd_session *session, int incumbent) {
    if (!zd_improves(problem, glp_mip_obj_val(sub), incumbent)) return;
    int n = glp_get_num_cols(problem);
    double *x = malloc(sizeof(double) * (size_t)(n + 1));
    if (x == NULL) return; // no offer beats failing the search
    x[0] = 0.0;
    for (int j = 1; j <= n; j++) {
        x[j] = glp_mip_col_val(sub, j);
        if (session->heur_mutate && glp_get_col_kind(problem, j) != GLP_CV) x[j] = 0.0;
    }
    if (session->accept(session->context, x + 1, n) == 1 && glp_ios_heur_sol(tree, x) == 0)
        session->heur_found++;
    free(x);
}

// The next run after heur_every nodes, twice as many after each run in a row that found
// nothing better than a known incumbent (at most 16 times). Why: at peer row 07 (free 9 × 3)
// the neighbourhoods of its first roster hold none cheaper and cost 40-110 ms each.
static void zd_schedule_next(zd_session *session, int total, int incumbent, int found) {
    if (found)
        session->heur_misses = 0;
    else if (incumbent && session->heur_misses < 4)
        session->heur_misses++;
    session->heur_next = total + (session->heur_every << session->heur_misses);
}

void zd_node_heuristic(glp_tree *tree, glp_prob *problem, zd_session *session) {
    if (session->accept == NULL || session->heur_bounds == NULL || session->heur_runs >= session->heur_runs_max)
        return;
    if (session->heur_bounds->columns != glp_get_num_cols(problem) || session->heur_bounds->rows > glp_get_num_rows(problem))
        return;
    int active = 0, nodes = 0, total = 0;
    glp_ios_tree_size(tree, &active, &nodes, &total);
    if (total < session->heur_next) return;
    int incumbent = glp_mip_status(problem) == GLP_FEAS;
    if (incumbent && !session->heur_with_incumbent) return;
    session->heur_runs++;
    int before = session->heur_found;
    glp_prob *sub = glp_create_prob();
    glp_copy_prob(sub, problem, GLP_OFF);
    int fixed = zd_fix_neighbourhood(problem, sub, session->heur_bounds, incumbent);
    if (incumbent) zd_add_cutoff(problem, sub);
    if (fixed > 0 && zd_solve_sub(sub, session->heur_sub_nodes)) zd_offer(tree, problem, sub, session, incumbent);
    glp_delete_prob(sub);
    zd_schedule_next(session, total, incumbent, session->heur_found > before);
}

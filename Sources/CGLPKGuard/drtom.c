// GLPK 5.0's default branching rule (Driebeck-Tomlin, branch_drtom in
// glpios09.c), choosing the same column and branch, but computing each
// simplex tableau row from a copy of the node's matrix taken once per node.
//
// Why: GLPK computes one tableau row per fractional column with
// glp_eval_tab_row, which calls glp_get_mat_col for every non-basic column
// (a linked-list walk each). On the people model's small rows (peer
// benchmark rows 09, 14, 19) that was a third of the whole solve
// (BENCHMARKS.md, "Small people-model rows against CP-SAT, eighth round").
// Here a row costs one btran and the columns that meet its non-zeros only,
// and both of its dual ratio tests are one walk over the copy's statuses and
// reduced costs (zd_dual_rtests) instead of two through GLPK's API.
//
// The same copy serves zd_branch_limited, the rule over the best-scored few
// candidates that the priced models ask for (SolveOptions.branchingCandidates),
// which made the same glp_eval_tab_row calls. The links-first rule
// (zd_branch_drtom_among) assembles it from a copy of the search's own rows
// taken once per search (nodematrix.c). The copy by row lists the non-basic
// columns only, the ones a tableau row can have entries for.
//
// Same choices: each tableau entry is the same sum in the same order (the
// column's entries in glp_get_mat_col's order; the terms left out are exact
// zeros), the candidates are visited in the same order, and the ratio test,
// Tomlin's rounding, the sign correction, the tie rule and the fallback to the
// most fractional column are GLPK's.
#include "CGLPKGuard.h"
#include "nodematrix.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

// The tableau row of basic column j, as glp_eval_tab_row(problem, m + j, ...)
// returns it: non-basic rows first, then non-basic columns, ascending.
static int zd_tableau_row(zd_node_matrix *a, glp_prob *problem, int j, int ind[], double val[]) {
    int m = a->m, n = a->n;
    double *rho = a->rho;
    memset(rho + 1, 0, sizeof(double) * (size_t)m);
    rho[glp_get_col_bind(problem, j)] = 1.0;
    glp_btran(problem, rho);
    // A non-basic column that meets no non-zero of rho has an entry of exactly 0 (the
    // copy by row lists the non-basic columns only).
    int len = 0;
    for (int i = 1; i <= m; i++) {
        if (rho[i] == 0.0) continue;
        for (int p = a->row_start[i]; p < a->row_start[i + 1]; p++) a->touched[a->row_col[p]] = 1;
        if (a->row_stat[i] != GLP_BS) len++, ind[len] = i, val[len] = -rho[i];
    }
    for (int q = 1; q <= n; q++) {
        if (!a->touched[q]) continue;
        a->touched[q] = 0;
        double alfa = 0.0;
        for (int p = a->col_start[q]; p < a->col_start[q + 1]; p++) alfa += rho[a->col_row[p]] * a->col_value[p];
        if (alfa != 0.0) len++, ind[len] = m + q, val[len] = alfa;
    }
    return len;
}

// One direction's dual ratio test in progress: the pivot so far (0: none),
// its ratio and |coefficient|.
typedef struct zd_ratio {
    int piv;
    double teta, big;
} zd_ratio;

// GLPK's minimal ratio test step: a negative ratio (round-off at a
// degenerate vertex) is 0; ties go to the larger |coefficient|.
static inline void zd_ratio_offer(zd_ratio *r, int t, double temp, double alfa) {
    if (temp < 0.0) temp = 0.0;
    if (r->teta > temp || (r->teta == temp && r->big < fabs(alfa))) r->piv = t, r->teta = temp, r->big = fabs(alfa);
}

// glp_dual_rtest(problem, len, ind, val, -1, eps) and (…, +1, eps) in one
// walk over the node's copy: the same entries in the same order, the same
// ratios (objective sign × reduced cost / influence coefficient, the
// coefficient negated for dir -1), the same skips and tie rule, so the same
// two pivots (0 where there is none).
//
// Why: GLPK's reads each entry's status and reduced cost through the API
// (glp_get_col_stat, glp_get_col_dual), twice per fractional column and node,
// which was a tenth of the whole process on peer rows 14 and 19
// (BENCHMARKS.md, "Small staying-on rows, tenth round"). Called only at an
// optimal node LP, which is dual feasible (GLPK's precondition).
static void zd_dual_rtests(const zd_node_matrix *a, int len, const int ind[], const double val[], double eps,
                           double obj, int *down, int *up) {
    int m = a->m;
    zd_ratio dn = {0, DBL_MAX, 0.0}, upr = {0, DBL_MAX, 0.0};
    for (int t = 1; t <= len; t++) {
        int k = ind[t];
        int stat = k <= m ? a->row_stat[k] : a->col_stat[k - m];
        double cost = k <= m ? a->row_dual[k] : a->col_dual[k - m];
        double alfa = +val[t], negated = -val[t];
        if (stat == GLP_NL) {
            // Each entry can stop one direction only: its coefficient's sign decides which.
            if (!(alfa < +eps)) zd_ratio_offer(&upr, t, (obj * cost) / alfa, alfa);
            if (!(negated < +eps)) zd_ratio_offer(&dn, t, (obj * cost) / negated, negated);
        } else if (stat == GLP_NU) {
            if (!(alfa > -eps)) zd_ratio_offer(&upr, t, (obj * cost) / alfa, alfa);
            if (!(negated > -eps)) zd_ratio_offer(&dn, t, (obj * cost) / negated, negated);
        } else if (stat == GLP_NF) {
            if (!(-eps < alfa && alfa < +eps)) zd_ratio_offer(&upr, t, 0.0, alfa);
            if (!(-eps < negated && negated < +eps)) zd_ratio_offer(&dn, t, 0.0, negated);
        }
        // GLP_NS (fixed) never enters; a tableau row holds no basic entry.
    }
    *down = dn.piv;
    *up = upr.piv;
}

// The objective's change when basic column j is pushed to floor (kase -1) or
// ceil (kase +1) of its value x by one dual simplex step whose entering
// entry is `pos` of the row (branch_drtom's loop body; 0: no entering entry).
static double zd_degradation(const zd_node_matrix *a, glp_prob *problem, int pos, const int ind[], const double val[],
                             int kase, double x, int minimize) {
    int m = a->m;
    if (pos == 0) return minimize ? +DBL_MAX : -DBL_MAX; // that branch has no feasible point
    int k = ind[pos];
    double alfa = val[pos];
    double delta_k = ((kase < 0 ? floor(x) : ceil(x)) - x) / alfa;
    // Tomlin: an integer column moves by a whole unit at least.
    if (k > m && glp_get_col_kind(problem, k - m) != GLP_CV && fabs(delta_k - floor(delta_k + 0.5)) > 1e-3)
        delta_k = delta_k > 0.0 ? ceil(delta_k) : floor(delta_k);
    int stat = k <= m ? a->row_stat[k] : a->col_stat[k - m];
    double dk = k <= m ? a->row_dual[k] : a->col_dual[k - m];
    // Round-off can give a reduced cost near 0 the wrong sign in a degenerate basis.
    if (minimize ? ((stat == GLP_NL && dk < 0.0) || (stat == GLP_NU && dk > 0.0) || stat == GLP_NF)
                 : ((stat == GLP_NL && dk > 0.0) || (stat == GLP_NU && dk < 0.0) || stat == GLP_NF))
        dk = 0.0;
    return dk * delta_k;
}

// Both branches' degradations of basic column j at value x (its tableau row in ind/val).
static void zd_degradations(const zd_node_matrix *a, glp_prob *problem, int len, const int ind[], const double val[],
                            double x, int minimize, double *dz_dn, double *dz_up) {
    int down, up;
    zd_dual_rtests(a, len, ind, val, 1e-9, minimize ? +1.0 : -1.0, &down, &up);
    *dz_dn = zd_degradation(a, problem, down, ind, val, -1, x, minimize);
    *dz_up = zd_degradation(a, problem, up, ind, val, +1, x, minimize);
}

// GLPK's branch_mostf: the column nearest to ½, down first below it.
static int zd_most_fractional(glp_tree *tree, glp_prob *problem, int *next) {
    int chosen = 0;
    double most = DBL_MAX;
    for (int j = 1; j <= glp_get_num_cols(problem); j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double beta = glp_get_col_prim(problem, j), half = floor(beta) + 0.5;
        if (most > fabs(beta - half)) {
            chosen = j;
            most = fabs(beta - half);
            *next = beta < half ? GLP_DN_BRNCH : GLP_UP_BRNCH;
        }
    }
    return chosen;
}

void zd_branch_drtom(glp_tree *tree, glp_prob *problem) {
    if (glp_get_status(problem) != GLP_OPT || !glp_bf_exists(problem)) return;
    zd_node_matrix a;
    if (zd_matrix_read(&a, problem) != 0) return;
    int *ind = a.tab_ind;
    double *val = a.tab_val;
    int minimize = glp_get_obj_dir(problem) == GLP_MIN;
    int chosen = 0, next = GLP_NO_BRNCH;
    double degrad = -1.0;
    for (int j = 1; j <= a.n; j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double x = glp_get_col_prim(problem, j);
        int len = zd_tableau_row(&a, problem, j, ind, val);
        double dz_dn, dz_up;
        zd_degradations(&a, problem, len, ind, val, x, minimize, &dz_dn, &dz_up);
        // The column whose worse branch degrades most; its better branch next.
        if (degrad < fabs(dz_dn) || degrad < fabs(dz_up)) {
            chosen = j;
            if (fabs(dz_dn) < fabs(dz_up)) {
                next = GLP_DN_BRNCH;
                degrad = fabs(dz_up);
            } else {
                next = GLP_UP_BRNCH;
                degrad = fabs(dz_dn);
            }
            if (degrad == DBL_MAX) break;
        }
    }
    zd_matrix_free(&a);
    if (chosen == 0) return;
    if (degrad < 1e-6 * (1.0 + 0.001 * fabs(glp_get_obj_val(problem)))) chosen = zd_most_fractional(tree, problem, &next);
    if (chosen != 0) glp_ios_branch_upon(tree, chosen, next);
}

// The best-scored `limit` fractional columns (fractionality × (1 + |cost|)),
// sorted, ties to the lower column; returns how many were found.
static int zd_best_scored(glp_tree *tree, glp_prob *problem, int limit, int candidates[], double scores[]) {
    int count = 0;
    for (int j = 1; j <= glp_get_num_cols(problem); j++) {
        if (!glp_ios_can_branch(tree, j)) continue;
        double x = glp_get_col_prim(problem, j);
        double f = x - floor(x);
        // Fractionality weighted by the column's cost: costly columns decide the
        // bound (most fractional alone: 1300 nodes and no proof in 60 s where
        // this proves in 130 nodes).
        double score = (f < 1.0 - f ? f : 1.0 - f) * (1.0 + fabs(glp_get_obj_coef(problem, j)));
        if (count == limit && score <= scores[count - 1]) continue;
        int at = count < limit ? count++ : count - 1;
        while (at > 0 && scores[at - 1] < score) {
            scores[at] = scores[at - 1];
            candidates[at] = candidates[at - 1];
            at--;
        }
        scores[at] = score;
        candidates[at] = j;
    }
    return count;
}

void zd_branch_limited(glp_tree *tree, glp_prob *problem, int limit) {
    if (limit <= 0 || glp_get_num_cols(problem) <= 0 || glp_get_obj_dir(problem) != GLP_MIN ||
        glp_get_status(problem) != GLP_OPT || !glp_bf_exists(problem))
        return;
    zd_node_matrix a;
    if (zd_matrix_read(&a, problem) != 0) return;
    int *candidates = malloc(sizeof(int) * (size_t)limit);
    double *scores = malloc(sizeof(double) * (size_t)limit);
    int *ind = a.tab_ind;
    double *val = a.tab_val;
    int chosen = 0, next = GLP_NO_BRNCH, count = 0;
    if (candidates != NULL && scores != NULL)
        count = zd_best_scored(tree, problem, limit, candidates, scores);
    double degradation = -1.0;
    for (int c = 0; c < count; c++) {
        int j = candidates[c];
        if (a.col_stat[j] != GLP_BS) continue;
        double x = glp_get_col_prim(problem, j);
        int len = zd_tableau_row(&a, problem, j, ind, val);
        // A branch's bound change; a negative one is round-off of a degenerate step.
        double down, up;
        zd_degradations(&a, problem, len, ind, val, x, 1, &down, &up);
        down = fmax(down, 0.0);
        up = fmax(up, 0.0);
        double larger = down > up ? down : up;
        if (larger > degradation) {
            degradation = larger;
            chosen = j;
            next = down < up ? GLP_DN_BRNCH : GLP_UP_BRNCH; // the branch that loses less first
        }
        if (degradation == DBL_MAX) break;
    }
    if (chosen != 0 && degradation < 1e-6 * (1.0 + 0.001 * fabs(glp_get_obj_val(problem)))) {
        // No column degrades the bound: the best-scored one, up first.
        chosen = candidates[0];
        next = GLP_UP_BRNCH;
    }
    if (chosen != 0) glp_ios_branch_upon(tree, chosen, next);
    free(candidates);
    free(scores);
    zd_matrix_free(&a);
}

// Why among flagged columns and by the product: in the people model the links decide the
// bound, and the most fractional link (zd_branch_first's rule) is often one whose branches
// both leave the LP where it was; GLPK's rule over every column picks people, who move to an
// interchangeable colleague at the same LP value. The product of the two degradations (as
// in strong branching) prefers a link that raises both children. On peer row 09 (free
// 10 x 2) the tree falls from 42 branchings to 10 (docs/FORMULATION.md, "Free placement,
// small rows, tenth round").
int zd_branch_drtom_among(glp_tree *tree, glp_prob *problem, const unsigned char *flags, zd_branch_cache *cache) {
    int n = glp_get_num_cols(problem);
    int fractional = 0;
    for (int j = 1; j <= n && !fractional; j++) fractional = flags[j] && glp_ios_can_branch(tree, j);
    if (!fractional || glp_get_status(problem) != GLP_OPT || !glp_bf_exists(problem)) return 0;
    zd_node_matrix a;
    if (zd_matrix_read_cached(&a, tree, problem, cache) != 0) return 0;
    int *ind = a.tab_ind;
    double *val = a.tab_val;
    int minimize = glp_get_obj_dir(problem) == GLP_MIN;
    const double least = 1e-6;
    int chosen = 0, next = GLP_NO_BRNCH;
    double best = -1.0;
    for (int j = 1; j <= n; j++) {
        if (!flags[j] || !glp_ios_can_branch(tree, j) || a.col_stat[j] != GLP_BS) continue;
        double x = glp_get_col_prim(problem, j);
        int len = zd_tableau_row(&a, problem, j, ind, val);
        double down, up;
        zd_degradations(&a, problem, len, ind, val, x, minimize, &down, &up);
        down = fabs(down);
        up = fabs(up);
        double score = fmax(down, least) * fmax(up, least);
        if (score > best) {
            best = score;
            chosen = j;
            next = down < up ? GLP_DN_BRNCH : GLP_UP_BRNCH;
        }
    }
    zd_matrix_free(&a);
    if (chosen == 0 || best <= least * least) {
        // No flagged column moves the bound: the most fractional one, up first.
        double most = -1.0;
        chosen = 0;
        for (int j = 1; j <= n; j++) {
            if (!flags[j] || !glp_ios_can_branch(tree, j)) continue;
            double x = glp_get_col_prim(problem, j), f = x - floor(x);
            double score = (f < 1.0 - f ? f : 1.0 - f) * (1.0 + fabs(glp_get_obj_coef(problem, j)));
            if (score > most) {
                most = score;
                chosen = j;
            }
        }
        next = GLP_UP_BRNCH;
    }
    glp_ios_branch_upon(tree, chosen, next);
    return 1;
}

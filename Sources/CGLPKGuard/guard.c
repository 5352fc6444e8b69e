// See include/CGLPKGuard.h for why this file exists.
#include "CGLPKGuard.h"

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// GLPK's environment is thread-local, so the guard state must be too.
static _Thread_local jmp_buf *zd_active_jump;
static _Thread_local zd_session *zd_current;
static _Thread_local unsigned zd_gen;
// Whether the running glp_intopt uses GLPK's default branching rule, which
// zd_branch_drtom (drtom.c) then computes in its place.
static _Thread_local int zd_default_branching;

unsigned zd_generation(void) { return zd_gen; }

// Appends without ever calling GLPK: runs inside glp_error's printing.
static void zd_text_append(zd_text *text, const char *s) {
    size_t n = strlen(s);
    if (text->length + n + 1 > text->capacity) {
        size_t capacity = text->capacity ? text->capacity : 256;
        while (capacity < text->length + n + 1) capacity *= 2;
        char *bytes = realloc(text->bytes, capacity);
        if (bytes == NULL) return; // dropping log text beats failing the solve
        text->bytes = bytes;
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->length, s, n + 1);
    text->length += n;
}

// Swallows all terminal output (GLPK writes to stdout, which belongs to the
// CLI), keeping error text always and the log only when asked.
static int zd_term_hook(void *info, const char *s) {
    zd_session *session = info;
    if (glp_at_error())
        zd_text_append(&session->error, s);
    else if (session->capture_log)
        zd_text_append(&session->log, s);
    return 1;
}

// glp_error calls this and aborts if it returns. With a guard armed we free
// the environment (the manual requires it after a jump) and jump back; with
// none, there is nothing safe to do but leave a trace on stderr.
static void zd_error_hook(void *info) {
    zd_session *session = info;
    zd_gen++;
    jmp_buf *jump = zd_active_jump;
    if (jump == NULL) {
        if (session->error.bytes != NULL) fputs(session->error.bytes, stderr);
        fflush(stderr);
        return;
    }
    zd_active_jump = NULL;
    session->failed = 1;
    zd_current = NULL;
    glp_free_env();
    longjmp(*jump, 1);
}

zd_session *zd_session_create(int columns, int capture_log) {
    zd_session *session = calloc(1, sizeof *session);
    if (session == NULL) return NULL;
    session->columns = columns;
    session->capture_log = capture_log;
    session->point = calloc((size_t)(columns > 0 ? columns : 1), sizeof(double));
    if (session->point == NULL) {
        free(session);
        return NULL;
    }
    return session;
}

void zd_session_destroy(zd_session *session) {
    if (session == NULL) return;
    free(session->log.bytes);
    free(session->error.bytes);
    free(session->point);
    free(session->rows.types);
    free(session->rows.lower);
    free(session->rows.upper);
    free(session->rows.starts);
    free(session->rows.lengths);
    free(session->rows.indices);
    free(session->rows.values);
    free(session);
}

int zd_session_begin(zd_session *session) {
    if (zd_current != NULL) return 1;
    zd_current = session;
    session->active = 1;
    session->saved_term_out = glp_term_out(session->capture_log ? GLP_ON : GLP_OFF);
    glp_term_hook(zd_term_hook, session);
    glp_error_hook(zd_error_hook, session);
    return 0;
}

void zd_session_end(zd_session *session) {
    if (!session->active) return;
    session->active = 0;
    if (session->failed) return; // glp_free_env already removed the hooks
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_term_out(session->saved_term_out);
    zd_current = NULL;
}

// Keeps the last best bound, incumbent and tree size: the tree is deleted
// before glp_intopt returns.
static void zd_record(glp_tree *tree, glp_prob *problem, zd_session *session) {
    int best = glp_ios_best_node(tree);
    if (best != 0) {
        double bound = glp_ios_node_bound(tree, best);
        if (fabs(bound) < 1e300) { // the root starts at -/+DBL_MAX
            session->snapshot.bound = bound;
            session->snapshot.has_bound = 1;
        }
    }
    if (glp_mip_status(problem) == GLP_FEAS) {
        session->snapshot.incumbent = glp_mip_obj_val(problem);
        session->snapshot.has_incumbent = 1;
    }
    int active = 0, nodes = 0, total = 0;
    glp_ios_tree_size(tree, &active, &nodes, &total);
    session->snapshot.nodes = total;
}

// Lazy rows must go on the tree's problem in GLP_IROWGEN (glp_ios_add_row
// is a cut-pool call, allowed only in GLP_ICUTGEN). Any GLPK error raised
// here unwinds through C frames only.
static int zd_generate_rows(glp_tree *tree, glp_prob *problem, zd_session *session) {
    for (int j = 1; j <= session->columns; j++)
        session->point[j - 1] = glp_get_col_prim(problem, j);
    session->rows.count = 0;
    session->rows.used = 0;
    if (session->separate(session->context, session->point, session->columns,
                          &session->rows) != 0) {
        glp_ios_terminate(tree);
        return 1;
    }
    zd_rows *rows = &session->rows;
    if (rows->count == 0) return 0;
    int first = glp_add_rows(problem, rows->count);
    for (int k = 0; k < rows->count; k++) {
        glp_set_row_bnds(problem, first + k, rows->types[k], rows->lower[k],
                         rows->upper[k]);
        glp_set_mat_row(problem, first + k, rows->lengths[k],
                        rows->indices + rows->starts[k],
                        rows->values + rows->starts[k]);
    }
    session->lazy_rows_added += rows->count;
    return 0;
}

// Branches on the flagged fractional column of largest fractionality × (1 + |cost|), its
// up branch first; returns 0, leaving the choice to the other rules, when none is
// fractional. Why: in the people model a node's LP mixes links at ½ whose people
// (interchangeable, or cheap to move) branching on one at a time does not separate;
// fixing the link itself does (docs/FORMULATION.md, "GLPK's search on the small rows").
static int zd_branch_first(glp_tree *tree, glp_prob *problem, const unsigned char *first) {
    int n = glp_get_num_cols(problem);
    int chosen = 0;
    double best = -1.0;
    for (int j = 1; j <= n; j++) {
        if (!first[j] || !glp_ios_can_branch(tree, j)) continue;
        double x = glp_get_col_prim(problem, j);
        double f = x - floor(x);
        double score = (f < 1.0 - f ? f : 1.0 - f) * (1.0 + fabs(glp_get_obj_coef(problem, j)));
        if (score > best) {
            best = score;
            chosen = j;
        }
    }
    if (chosen == 0) return 0;
    glp_ios_branch_upon(tree, chosen, GLP_UP_BRNCH);
    return 1;
}

// GLPK reads its parameters through the pointer it was given at every node, so turning
// Gomory cuts off here, at the first node below the root, keeps them to the root. Why: on
// three-term teams models the root's Gomory cuts lift the bound, while making them at every
// node slows each node more than they pay (docs/FORMULATION.md, tenth round).
static void zd_root_gomory_only(glp_tree *tree, zd_session *session) {
    if (!session->gomory_root_only || session->parm == NULL) return;
    int current = glp_ios_curr_node(tree);
    if (current != 0 && current != 1) session->parm->gmi_cuts = GLP_OFF;
}

// Whether branch_first applies at the current node (session->branch_first_levels).
static int zd_branch_first_here(glp_tree *tree, const zd_session *session) {
    if (session->branch_first == NULL) return 0;
    if (session->branch_first_levels < 0) return 1;
    return glp_ios_node_level(tree, glp_ios_curr_node(tree)) < session->branch_first_levels;
}

// The glp_intopt callback. The column checks skip work on a presolved
// problem, whose columns do not match the model's.
static void zd_callback(glp_tree *tree, void *info) {
    zd_session *session = info;
    glp_prob *problem = glp_ios_get_prob(tree);
    int matches = glp_get_num_cols(problem) == session->columns;
    switch (glp_ios_reason(tree)) {
    case GLP_IROWGEN:
        if (session->separate != NULL && matches &&
            zd_generate_rows(tree, problem, session) != 0)
            return;
        break;
    case GLP_IBRANCH:
        if (matches && zd_branch_first_here(tree, session) &&
            (session->branch_first_rule == 1
                 ? zd_branch_drtom_among(tree, problem, session->branch_first, session->branch_cache)
                 : zd_branch_first(tree, problem, session->branch_first))) {
            session->branched_first++;
            break;
        }
        if (matches && session->branch_candidates > 0)
            zd_branch_limited(tree, problem, session->branch_candidates);
        else if (zd_default_branching)
            zd_branch_drtom(tree, problem); // GLPK's own choice, computed faster
        break;
    case GLP_IHEUR:
        if (session->heuristic != NULL && matches && !session->heuristic_offered) {
            session->heuristic_offered = 1;
            session->heuristic_accepted =
                glp_ios_heur_sol(tree, session->heuristic) == 0;
        }
        if (session->heur_every > 0 && matches) zd_node_heuristic(tree, problem, session);
        break;
    default:
        break;
    }
    zd_root_gomory_only(tree, session);
    zd_record(tree, problem, session);
    if (session->progress != NULL &&
        session->progress(session->context, &session->snapshot) != 0)
        glp_ios_terminate(tree);
}

int zd_simplex(zd_session *session, glp_prob *problem, const glp_smcp *parm,
               int *rc) {
    jmp_buf jump;
    if (setjmp(jump) != 0) return 1;
    zd_active_jump = &jump;
    *rc = glp_simplex(problem, parm);
    zd_active_jump = NULL;
    (void)session;
    return 0;
}

int zd_interior(zd_session *session, glp_prob *problem, const glp_iptcp *parm,
                int *rc) {
    jmp_buf jump;
    if (setjmp(jump) != 0) return 1;
    zd_active_jump = &jump;
    *rc = glp_interior(problem, parm);
    zd_active_jump = NULL;
    (void)session;
    return 0;
}

int zd_intopt(zd_session *session, glp_prob *problem, glp_iocp *parm, int *rc) {
    jmp_buf jump;
    zd_default_branching = parm->br_tech == GLP_BR_DTH;
    parm->cb_func = zd_callback;
    parm->cb_info = session;
    session->parm = parm;
    // NULL when out of memory: the rule then reads the matrix at each node.
    session->branch_cache = zd_branch_cache_create();
    zd_node_heuristic_begin(session, problem);
    if (setjmp(jump) != 0) {
        zd_node_heuristic_end(session);
        session->parm = NULL;
        zd_branch_cache_destroy(session->branch_cache);
        session->branch_cache = NULL;
        return 1;
    }
    zd_active_jump = &jump;
    *rc = glp_intopt(problem, parm);
    zd_active_jump = NULL;
    zd_node_heuristic_end(session);
    session->parm = NULL;
    zd_branch_cache_destroy(session->branch_cache);
    session->branch_cache = NULL;
    return 0;
}

int zd_write_lp(zd_session *session, glp_prob *problem, const char *path,
                int *rc) {
    jmp_buf jump;
    if (setjmp(jump) != 0) return 1;
    zd_active_jump = &jump;
    *rc = glp_write_lp(problem, NULL, path);
    zd_active_jump = NULL;
    (void)session;
    return 0;
}

// Grows each array to at least `needed` elements; 0 on success.
static int zd_grow(void **array, size_t element, int needed, int capacity) {
    if (needed <= capacity) return 0;
    void *grown = realloc(*array, element * (size_t)needed);
    if (grown == NULL) return 1;
    *array = grown;
    return 0;
}

int zd_rows_add(zd_rows *rows, int type, double lower, double upper,
                int length, const int *indices, const double *values) {
    if (length < 0) return 1;
    if (rows->count == rows->row_capacity) {
        int capacity = rows->row_capacity ? rows->row_capacity * 2 : 16;
        if (zd_grow((void **)&rows->types, sizeof(int), capacity, rows->row_capacity) ||
            zd_grow((void **)&rows->lower, sizeof(double), capacity, rows->row_capacity) ||
            zd_grow((void **)&rows->upper, sizeof(double), capacity, rows->row_capacity) ||
            zd_grow((void **)&rows->starts, sizeof(int), capacity, rows->row_capacity) ||
            zd_grow((void **)&rows->lengths, sizeof(int), capacity, rows->row_capacity))
            return 1;
        rows->row_capacity = capacity;
    }
    int needed = rows->used + length + 1;
    if (needed > rows->capacity) {
        int capacity = rows->capacity ? rows->capacity : 256;
        while (capacity < needed) capacity *= 2;
        if (zd_grow((void **)&rows->indices, sizeof(int), capacity, rows->capacity) ||
            zd_grow((void **)&rows->values, sizeof(double), capacity, rows->capacity))
            return 1;
        rows->capacity = capacity;
    }
    int k = rows->count;
    rows->types[k] = type;
    rows->lower[k] = lower;
    rows->upper[k] = upper;
    rows->starts[k] = rows->used;
    rows->lengths[k] = length;
    rows->indices[rows->used] = 0;
    rows->values[rows->used] = 0.0;
    if (length > 0) {
        memcpy(rows->indices + rows->used + 1, indices, sizeof(int) * (size_t)length);
        memcpy(rows->values + rows->used + 1, values, sizeof(double) * (size_t)length);
    }
    rows->used = needed;
    rows->count++;
    return 0;
}

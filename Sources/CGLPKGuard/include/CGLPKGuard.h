// The few things Swift cannot do safely with GLPK 5.0: catch glp_error
// (setjmp/longjmp must not cross Swift frames), and run the branch-and-cut
// callback so that only C and GLPK frames lie between setjmp and longjmp.
// Every function is prefixed `zd_`; see /work/shared/GLPK.md §1, §3, §4.
#ifndef ZD_CGLPK_GUARD_H
#define ZD_CGLPK_GUARD_H

#include <glpk.h>
#include <stddef.h>

/// Text appended by the terminal hook; owned by C because the hook may run
/// while GLPK is unwinding an error, when calling into Swift is not allowed.
typedef struct zd_text {
    char *bytes;
    size_t length;
    size_t capacity;
} zd_text;

/// Rows returned by one separator call, stored in GLPK's 1-based layout:
/// row k reads `indices[starts[k] + 1 ... starts[k] + lengths[k]]` (slot
/// `starts[k]` is padding) so the C side can hand them to glp_set_mat_row
/// without pointer arithmetic before an array's start.
typedef struct zd_rows {
    int count;
    int row_capacity;
    int *types;
    double *lower;
    double *upper;
    int *starts;
    int *lengths;
    int used;
    int capacity;
    int *indices;
    double *values;
} zd_rows;

/// What the callback last saw, kept because the search tree (and with it the
/// best bound) is gone when glp_intopt returns.
typedef struct zd_snapshot {
    int has_bound;
    double bound;
    int has_incumbent;
    double incumbent;
    int nodes;
} zd_snapshot;

/// Swift separator entry point: pure computation, must not call GLPK.
/// Returns 0 to continue, non-zero to stop the search (Swift keeps the why).
typedef int (*zd_separate_fn)(void *context, const double *point, int count,
                              zd_rows *rows);
/// Swift progress entry point: pure computation, must not call GLPK.
/// Returns non-zero when the search should stop.
typedef int (*zd_progress_fn)(void *context, const zd_snapshot *snapshot);

/// Swift entry point judging a node heuristic's point (`count` values, 0-based): rounds its
/// integer columns in place and returns 1 when it satisfies every row and bound of the model
/// and every lazy row, 0 otherwise. Pure computation, must not call GLPK.
typedef int (*zd_accept_fn)(void *context, double *point, int count);

/// A copy of a search's own rows (every row but those GLPK adds during it: cuts, lazy
/// rows) for the links-first rule, taken at its first branching (nodematrix.c).
typedef struct zd_branch_cache zd_branch_cache;

/// An empty cache, for one glp_intopt call; NULL when out of memory.
zd_branch_cache *zd_branch_cache_create(void);

/// Frees a cache (NULL is ignored).
void zd_branch_cache_destroy(zd_branch_cache *cache);

/// Column and row bounds kept for the node heuristic (noderins.c).
typedef struct zd_bounds zd_bounds;

/// Per-solve state shared between Swift and the C callback.
typedef struct zd_session {
    // Inputs, set by Swift before the guarded calls.
    void *context;
    zd_separate_fn separate;
    zd_progress_fn progress;
    const double *heuristic; // 1-based, columns + 1 entries, or NULL
    int columns;
    int capture_log;
    // Driebeck-Tomlin branching over at most this many candidates, the most
    // fractional ones (0: GLPK's own rule over every fractional column).
    int branch_candidates;
    // 1-based flags, columns + 1 entries, or NULL: integer columns to branch on first
    // (Swift checks that each is an integer column of the problem before setting it).
    const unsigned char *branch_first;
    // Non-zero: Gomory cuts (when the parameters ask for them) at the root only; the
    // callback turns them off once the search leaves the root.
    int gomory_root_only;
    // How a column of branch_first is chosen: 0 the most fractional (× (1 + |cost|)), up
    // first; 1 Driebeck-Tomlin among them (zd_branch_drtom_among).
    int branch_first_rule;
    // branch_first at nodes of level (depth, the root 0) below this only; negative: at
    // every level. Deeper, the other rules choose.
    int branch_first_levels;
    // The node heuristic (noderins.c): off while heur_every is 0. It runs at the first
    // GLP_IHEUR once the tree holds heur_next nodes (Swift sets the first), then every
    // heur_every nodes, at most heur_runs_max times, each sub-MIP stopped at heur_sub_nodes
    // nodes; heur_with_incumbent 0: only while the search has no incumbent.
    int heur_every;
    int heur_next;
    int heur_sub_nodes;
    int heur_runs_max;
    int heur_with_incumbent;
    int heur_mutate; // tests only: the point offered has every integer column 0
    zd_accept_fn accept;
    // Outputs.
    zd_snapshot snapshot;
    int heur_runs;
    int heur_found; // points the search took from the node heuristic
    int heuristic_offered;
    int heuristic_accepted;
    long lazy_rows_added;
    long branched_first; // nodes branched on a column of branch_first
    int failed; // a GLPK error was caught; every GLPK object of the thread is gone
    zd_text log;
    zd_text error;
    // Private.
    double *point;
    zd_rows rows;
    int saved_term_out;
    int active;
    glp_iocp *parm; // zd_intopt's parameters while it runs (GLPK reads them at each node)
    zd_branch_cache *branch_cache; // zd_intopt's, while it runs (NULL: none)
    int heur_misses; // runs in a row that found no better roster with an incumbent known
    zd_bounds *heur_bounds; // column and row bounds before the search (noderins.c), while it runs
} zd_session;

/// Allocates a session for a problem with `columns` columns; NULL when out
/// of memory. Plain malloc, so it survives glp_free_env.
zd_session *zd_session_create(int columns, int capture_log);

/// Frees a session created by zd_session_create (NULL is ignored).
void zd_session_destroy(zd_session *session);

/// Installs this thread's terminal and error hooks for one solve. Hooks are
/// per thread (GLPK keeps its environment in TLS), so each solving thread
/// must do this. Returns non-zero, installing nothing, when another session
/// is already active on this thread (a hook tried to nest a solve).
int zd_session_begin(zd_session *session);

/// Removes the hooks and restores terminal output, unless a caught error
/// already destroyed the environment (and the hooks with it).
void zd_session_end(zd_session *session);

/// glp_simplex under the guard. Returns 0 and stores the solver's return
/// code in `*rc`, or 1 when glp_error fired (text in session->error).
int zd_simplex(zd_session *session, glp_prob *problem, const glp_smcp *parm,
               int *rc);

/// glp_interior under the guard. Same return convention as zd_simplex.
int zd_interior(zd_session *session, glp_prob *problem, const glp_iptcp *parm,
                int *rc);

/// glp_intopt under the guard, with the session's callback installed in
/// `parm`. Same return convention as zd_simplex.
int zd_intopt(zd_session *session, glp_prob *problem, glp_iocp *parm, int *rc);

/// glp_write_lp under the guard. Same return convention as zd_simplex.
int zd_write_lp(zd_session *session, glp_prob *problem, const char *path,
                int *rc);

/// Appends one row to the buffer. `indices` are 1-based column numbers.
/// Returns non-zero when out of memory.
int zd_rows_add(zd_rows *rows, int type, double lower, double upper,
                int length, const int *indices, const double *values);

/// Chooses the branching column exactly as GLPK 5.0's default rule
/// (Driebeck-Tomlin, branch_drtom in glpios09.c) would, and branches on it,
/// computing the tableau rows from a copy of the node's matrix (drtom.c). The
/// guard's callback runs it whenever glp_intopt uses that rule. Call in
/// GLP_IBRANCH only; returns without branching (GLPK then applies its own
/// rule) when the basis is not optimal and factorised or memory runs out.
void zd_branch_drtom(glp_tree *tree, glp_prob *problem);

/// Driebeck-Tomlin over the `limit` best-scored fractional columns only
/// (fractionality × (1 + |cost|)): GLPK evaluates its rule for every fractional
/// column, one tableau row each, which was most of the time per node (0.3 s)
/// on 7000-column models, and GLPK has no option for fewer. Minimisation
/// only; the same per-node matrix copy as zd_branch_drtom. Call in
/// GLP_IBRANCH only; returns without branching (GLPK's rule then applies) when
/// anything is unusual or memory runs out.
void zd_branch_limited(glp_tree *tree, glp_prob *problem, int limit);

/// Driebeck-Tomlin among the flagged columns only (`flags`: 1-based, columns + 1
/// entries): each fractional flagged column's down and up degradations by one dual
/// simplex step with Tomlin's rounding (as zd_branch_drtom computes them), the column of
/// the largest product of the two (each at least 1e-6) chosen, its branch that degrades
/// less first. When no flagged column degrades the bound, the most fractional flagged
/// column (× (1 + |cost|)), up first. Returns 1 when it branched, 0 (nothing done) when
/// no flagged column is fractional, the basis is not optimal and factorised, or memory
/// runs out. Call in GLP_IBRANCH only. `cache` (or NULL) holds a copy of the search's own
/// rows between its calls (zd_branch_cache_create): the same choices, read faster.
int zd_branch_drtom_among(glp_tree *tree, glp_prob *problem, const unsigned char *flags, zd_branch_cache *cache);

/// Whether the node's matrix assembled through `cache` is glp_get_mat_col's, entry for
/// entry and in the same order (1), or not (0); -1 when out of memory. For tests; call in
/// the glp_intopt callback, with the cache the search's branching uses.
int zd_branch_cache_agrees(glp_tree *tree, glp_prob *problem, zd_branch_cache *cache);

/// The node heuristic (noderins.c), called at GLP_IHEUR when the session asks for it:
/// solves a copy of the node's problem with the columns fixed that the node's LP sets to an
/// integer (and, once there is an incumbent, that the incumbent agrees with) as a separate
/// MIP stopped after session->heur_sub_nodes nodes, and offers its point when the session's
/// accept function takes it.
void zd_node_heuristic(glp_tree *tree, glp_prob *problem, zd_session *session);

/// Keeps the column and row bounds before glp_intopt for the node heuristic's neighbourhoods (a
/// node's own bounds would hold the search's branchings); does nothing when the heuristic is
/// off, and leaves it off when memory runs out.
void zd_node_heuristic_begin(zd_session *session, glp_prob *problem);

/// Frees what zd_node_heuristic_begin kept (nothing kept is fine).
void zd_node_heuristic_end(zd_session *session);

/// Bumped whenever a caught error freed this thread's GLPK environment; a
/// problem created under an older generation is already freed.
unsigned zd_generation(void);

/// glibc's mallopt(M_TRIM_THRESHOLD, trim_threshold) and (M_MMAP_THRESHOLD,
/// mmap_threshold): 1 when both were taken, 0 otherwise (and where the C
/// library is not glibc, which has no such settings).
int zd_keep_freed_heap(int trim_threshold, int mmap_threshold);

#endif

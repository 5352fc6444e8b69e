import MIPModel
import ZhudianCore

/// What the caller may set for one planning run.
public struct PlanOptions: Sendable {
    /// Seconds the search may take; nil for no limit.
    public var timeLimit: Double?
    /// Stop when the relative gap falls below this (0: prove optimality).
    public var relativeGap: Double
    /// The roster whose dropped stays cost `objective.change` each (what-if).
    public var baseline: Roster?
    /// Keep the solver's log.
    public var captureLog: Bool
    /// Language of explanation messages written into the roster.
    public var language: Language
    /// Called on the solving thread with the search's progress.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Polled during the search; true stops it and keeps the best roster found.
    public var shouldStop: (@Sendable () -> Bool)?
    /// On an infeasible scenario, plan the roster that breaks the fewest rule instances
    /// (SPEC §4 `best-effort`) instead of only explaining why.
    public var bestEffort = false
    /// Solve independent parts of the scenario (no possible link between them) as separate
    /// models, in parallel. Off: one model for everything (what `--dump-model` writes).
    public var decompose: Bool = true
    /// Tests only: run this formulation even where the planner would pick the other one.
    var forcedFormulation: Formulation?
    /// Tests only: price candidate links (true) or build every link (false) for the teams
    /// model; nil lets the planner decide by size.
    var pricing: Bool?
    /// Tests only: links each enterprise starts with when pricing (fewer makes pricing work harder).
    var pricedLinks: Int?
    /// Tests only: bound the priced teams model by the root over every link that could beat
    /// its first roster (``PricedTeamSolve/keptRootBound(_:first:selected:pool:)``) (true) or not
    /// (false); nil: with three terms or more.
    var keptRootBound: Bool?
    /// Tests only: when pricing, solve the first LP by an interior-point method and build a
    /// roster and a bound from it before the simplex rounds (true) or not (false); nil lets
    /// the planner decide by size.
    var interiorStart: Bool?
    /// Tests only: an LP made infeasible by new cut rows gets links across their borders
    /// (``PricedTeamSolve/addCrossingLinks(_:_:)``) (true) or every neighbourhood doubled
    /// (false); nil: above ``PricedTeamSolve/crossingLinksAbove`` enterprises.
    var crossingLinks: Bool?

    /// Tests only: seed the people model with a roster over candidate links (``PersonSeed``)
    /// (true) or not (false); nil lets the planner decide by size.
    var peopleSeed: Bool?
    /// Tests only: seed the people model of ring and cycles with staying on by the teams
    /// model's roster where everyone rotates (``RotatingSeed``) (true) or not (false); nil
    /// lets the planner decide by size, as for ``peopleSeed``.
    var rotatingSeed: Bool?
    /// Tests only: with a rotating seed, also seed from one term's rotating links kept in every
    /// term (``StayingSeed``); off shows what it changes.
    var stayingSeed = true
    /// Tests only: under free placement over three terms or more, seed the people model from the
    /// unit model's counts (``UnitFlowSeed``) before the restricted model's dive (true) or not (false).
    var unitFlowSeed = true
    /// Tests only: the unit model of ``UnitFlowSeed`` costs fairness per unit
    /// (``UnitCounts/addFairness(_:n:)``, true) or distance only, stays on at `fairness` (false).
    var unitFairness = true
    /// Tests only: the unit model of ``UnitFlowSeed`` also counts its pair rows per site and
    /// over three terms (``UnitCounts/tighterRows``, true) or not (false).
    var unitTighterRows = true
    /// Tests only: where the people model over the unit counts' links is infeasible, solve it
    /// again over those links and each unit's nearest sites (``UnitFlowSeed/widenedNearest``,
    /// true) or give up the counted roster (false).
    var widenCounted = true
    /// Tests only: over three terms or more, also solve the people model over the counted links
    /// and each unit's nearest sites where the counted links have a roster, the cheaper kept
    /// (true), or only where they are infeasible (false).
    var widenAlways = true
    /// Tests only: sites each sending unit starts with in the seed's restricted model.
    var seedLinks: Int?
    /// Tests only: the people model's cooldown cliques (``RowSink/addCooldownCliques(people:sites:ctx:col:)``);
    /// off shows what they change.
    var cooldownCliques = true
    /// Tests only: the people model also writes the rows that others of it imply (`ccool` under
    /// the cliques, `place` under a `consec` row, `consec` over one term's columns); true shows
    /// that leaving them out changes nothing (``PersonFormulation``).
    var impliedPeopleRows = false
    /// Tests only: the free team cap where people may stay on (``FreeTeamCap/staysOn(_:terms:)``);
    /// off shows what it changes.
    var stayingOnTeamCap = true
    /// Tests only: fix the people model's columns that price above the seed's gap
    /// (``PersonReducedCostFix``; priced: ``PricedPersonSolve/fixByReducedCost(_:_:reducedCosts:L:roster:)``);
    /// off shows what it changes.
    var reducedCostFixing = true
    /// Tests only: restart the seeded full people model's search when it finds a much
    /// cheaper roster, fixed again against it (``PersonRestart``); off shows what it changes.
    var restarts = true
    /// Tests only: where people stay on, the seeded full people model's first search fixes
    /// against a guessed gap (``GuessedGap``) (true) or against the seed's roster (false).
    var guessedGap = true
    /// Tests only: the guessed gap's share of the root LP (``GuessedGap/share`` when nil); a
    /// tiny one shows the search falling back to the seed's fixing.
    var guessedShare: Double?
    /// Tests only: under free placement, the seed's dive waits for the guessed search and runs
    /// only when it is needed (``SeedAfterGuess``) (true) or runs first (false).
    var seedAfterGuess = true
    /// Tests only: where the guessed search (``GuessedGap``) follows ``GuessedGap/Rule/pseudoCosts``
    /// (ring and cycles), it branches by pseudo-costs (``SolveOptions/pseudoCostBranching``)
    /// (true) or by GLPK's default rule (false).
    var pseudoCosts = true
    /// Tests only: the seeded full people model's searches run over the columns the fixing
    /// left (``FixedColumnsDropped``) (true) or over every column (false).
    var dropFixedColumns = true
    /// Tests only: the full people model's searches run the node heuristic
    /// (``PersonNodeHeuristic``) (true) or not (false); off shows what it changes.
    var nodeHeuristic = true
    /// Tests only: the node heuristic's settings in place of ``PersonNodeHeuristic``'s (e.g.
    /// from the first node on, so that small searches run it, or offering wrong points).
    var nodeHeuristicSettings: NodeHeuristic?
    /// Tests only: with the fixed columns, the rows their bounds then imply are dropped
    /// (``RedundantRows``) (true) or kept (false).
    var dropRedundantRows = true
    /// Tests only: the people model's MIPs branch on link columns first (``PersonBranching``);
    /// off shows what it changes.
    var linksFirst = true
    /// Tests only: the unseeded full people model of free placement branches on its links
    /// first, chosen by degradation, from a dual-simplex root
    /// (``PersonBranching/prepareUnseeded(_:_:options:)``); off shows what it changes.
    var unseededLinksFirst = true
    /// Tests only: the seeded full people model's links first are chosen by degradation
    /// (``SolveOptions/branchFirstByDegradation``) (true) or the most fractional one (false).
    var seededLinksByDegradation = true
    /// Tests only: the priced people model's first MIP takes every link that could beat a
    /// guessed roster (``PricedPersonSolve/guessedLinks(_:L:below:)``) (true) or only the LP's
    /// links when the seed leaves too many (false); off shows what it changes, never the optimum.
    var pricedGuess = true
    /// Tests only: how many times the LP's links the links that could beat the seed may be for
    /// the priced people model's first MIP to take them all (``PricedPersonSolve/growth`` when
    /// nil); 0 makes the small scenarios of the tests take the LP's links (and the guess's) only.
    var pricedGrowth: Int?
    /// Tests only: the priced people model's MIPs choose their links first by degradation
    /// (``SolveOptions/branchFirstByDegradation``) (true) or the most fractional one (false).
    var pricedLinksByDegradation = true
    /// Tests only: the people model's `over` rows through `on[p,k]`
    /// (``RowSink/addOverlap(person:terms:sites:col:throughOn:)``) (true) or written out (false);
    /// nil: through `on` where no seed pays (``PersonSeed/worthwhile(_:part:)``: 24 sending units
    /// or fewer, the full model alone).
    var overlapThroughOn: Bool?
    /// Tests only: the unseeded people model of ring and cycles over two terms with staying on
    /// in two-term patterns (``PersonFormulation/buildTwoTerms(_:options:part:)``) (true) or
    /// one column per term (false); off shows what it changes, never the optimum.
    var twoTermPatterns = true
    /// Tests only: the two-term pattern model's root LP by the dual simplex from the slack
    /// basis, without presolve (``BuiltModel/dualRoot``); off shows what it changes.
    var twoTermDualRoot = true

    /// Tests only: the teams model's unit-repeat rows (``RowSink/addUnitRepeat(basis:y:z:units:)``);
    /// off shows what they change, never the optimum.
    var unitRepeatRows = true
    /// Tests only: the unit-repeat rows without `rep` where a unit can never come back
    /// (``UnitRepeatCliques``); off shows what they change, never the optimum.
    var unitRepeatCliques = true
    /// Tests only: teams MIPs over three terms or more make GLPK's Gomory cuts at the root
    /// (``BuiltModel/rootGomory``); off shows what they change, never the optimum.
    var rootGomory = true
    /// Nodes the search of a ``BuiltModel/rootGomory`` model runs without Gomory cuts before it
    /// starts again with them (tests lower it to reach the second search on small models).
    /// Peer rows 04, 05 and 12 (three terms, 8–12 enterprises) prove in 53–145 nodes; row 16
    /// (15 enterprises) passes 300 nodes in about 3 s of its 30.
    var plainNodes = 300
    /// Tests only: the search with the root's Gomory cuts branches on the links first, chosen
    /// by degradation (``BuiltModel/gomoryLinksFirst``); off shows what it changes, never the optimum.
    var gomoryLinksFirst = true
    /// Tests only: the complete model's search with the root's Gomory cuts takes the links
    /// first only above this depth (``BuiltModel/gomoryLinksFirstAbove``); nil at every depth.
    var gomoryLinksFirstAbove: Int? = 8
    /// Tests only: blossom rows by minimum odd cuts for rings (``OddCutBlossoms``).
    var oddCutBlossoms = true
    /// Tests only: when the priced teams model's odd-cut rounds count as tailed off
    /// (``PricedTeamSolve/oddCutsTailedOff(_:window:gain:)``): over this many rounds, less than
    /// this relative gain. nil: ``PricedTeamSolve/oddCutWindow`` and ``PricedTeamSolve/oddCutGain``.
    var oddCutTail: (window: Int, gain: Double)?
    /// Tests only: blossom rows at the fractional nodes of the priced teams model's search
    /// (``Blossoms/lazyRows(_:term:)``); off shows what they change, never the optimum.
    var treeBlossoms = true
    /// Tests only: the priced teams model's proof MIPs write large subtour and blossom rows over
    /// the set's border (``PricedTeamSolve/mipPool(_:)``); off shows what it changes, never the optimum.
    var crossingRows = true
    /// Tests only: bound and solve the people model by pricing left-out links
    /// (``PricedPersonSolve``) (true) or solve the full model (false); nil lets the planner
    /// decide by size.
    var personPricing: Bool?

    /// The two exact models (see docs/FORMULATION.md).
    enum Formulation { case teams, people }

    /// Creates options; the defaults prove optimality with no time limit.
    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, baseline: Roster? = nil,
        captureLog: Bool = false, language: Language = .zh,
        progress: (@Sendable (SolveProgress) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
    ) {
        self.language = language
        self.progress = progress
        self.shouldStop = shouldStop
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.baseline = baseline
        self.captureLog = captureLog
    }
}

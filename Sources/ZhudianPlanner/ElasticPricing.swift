import MIPModel

/// What an elastic teams model minimises when ``ElasticSolve`` solves it over priced
/// candidate links (``PricedTeamSolve``) instead of whole.
///
/// The priced solve proves optimality for whatever objective the model carries, as long as
/// the link columns' costs are the ones its pricing reads (``TeamBasis/cost(_:_:)``) and every
/// other row it does not price touches only columns present in every selection. The slacks
/// and the cap row below are such columns and such a row: slacks exist in every selection.
struct ElasticPricing {
    /// Whether the stays keep their SPEC §3 cost (links' distance, people's fairness); when
    /// false both are 0 and only the slacks cost.
    var staysCost: Bool
    /// The objective coefficient of each slack.
    var slackCost: @Sendable (ElasticSlack) -> Double
    /// At most `most` broken instances, each slack weighing `weight` (phase 2 keeps phase 1's count).
    var cap: (weight: @Sendable (ElasticSlack) -> Double, most: Double)?

    /// Sets the slacks' costs and adds the cap row to a model just built.
    func apply(to sink: inout RowSink) throws(ModelError) {
        for s in sink.slacks {
            try sink.model.setObjectiveCoefficient(s.variable, slackCost(s.slack))
        }
        guard let cap else { return }
        var e = LinearExpression()
        for s in sink.slacks { e.add(s.variable, cap.weight(s.slack)) }
        try sink.model.addConstraint(name: "fewest_breaks", e, upper: cap.most)
    }
}

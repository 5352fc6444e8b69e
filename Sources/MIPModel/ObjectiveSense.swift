/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable {
    /// Smaller objective values are better.
    case minimize
    /// Larger objective values are better.
    case maximize
}

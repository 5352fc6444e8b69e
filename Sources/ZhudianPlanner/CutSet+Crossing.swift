/// Subtour and blossom rows written over the links that cross the set's border, for the
/// search's MIPs (``PricedTeamSolve/mipPool(_:)``).
///
/// Why: written over the inside of a large set these rows hold nearly every link column. On
/// ring 200 (peer row 38) the pool's 608 blossom and 128 subtour rows held 238 000 of the proof
/// MIP's 245 000 non-zeros, and every simplex iteration and factorization paid for them. Where
/// every enterprise sends one team and receives one (`send` and `recv` are equalities: every
/// model but the elastic ones), the inside of a set is fixed by its border —
/// `Σ_{i,j∈S} y_ij = |S| − out(S)` and, over pairs, `x(E(H)) = |H| − x(δ(H))/2` — so each row
/// has an equal form over the border, written here with the inside form's sense (`≤`), so that
/// a row tight at its bound stays tight at its bound and the LP's basis carries over by name:
/// - subtour: `−out(S) ≤ −1`;
/// - blossom: `x(T) − x(δ(H) ∖ T) ≤ |T| − 1` (both directions of every border pair; twice the
///   inside form, the same points).
/// Equal rows over the same columns: the same LP, the same optimum. Not in the LP rounds: there
/// the other form ended on another optimal point of the same value, and the ring built from it
/// was dearer (BENCHMARKS.md, "Two-term rings, ninth round").
extension CutSet {
    /// Sets larger than this take the border form: a small set's inside has fewer links.
    static let crossingFrom = 8

    /// The row's coefficient on the link `u → v` (node indices), given whether each end is a member.
    func coefficient(from u: Int, to v: Int, uIn: Bool, vIn: Bool, isTooth: (Pair) -> Bool) -> Double {
        if !crossing {
            if uIn && vIn { return 1 }
            return uIn != vIn && !teeth.isEmpty && isTooth(Pair(u, v)) ? 1 : 0
        }
        if teeth.isEmpty { return uIn && !vIn ? -1 : 0 }
        guard uIn != vIn else { return 0 }
        return isTooth(Pair(u, v)) ? 1 : -1
    }

    /// The row's upper bound (both forms are `≤` rows).
    var upperBound: Double {
        guard crossing else { return bound }
        return teeth.isEmpty ? -1 : Double(teeth.count) - 1
    }
}

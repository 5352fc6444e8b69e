import Foundation

/// The checker's own great-circle distance (SPEC §3: R = 6371 km), apart from
/// ``Location/kilometres(to:)`` which the planner prices links with.
enum JudgeGeometry {
    /// Earth's radius SPEC §3 fixes.
    static let earthRadius = 6371.0

    /// Kilometres between two points: the haversine of the central angle, turned into the
    /// angle with `atan2`, which stays accurate for near and far points alike.
    static func kilometres(_ a: Location, _ b: Location) -> Double {
        let toRadians = Double.pi / 180
        let (lat1, lat2) = (a.lat * toRadians, b.lat * toRadians)
        let halfDLat = (b.lat - a.lat) * toRadians / 2
        let halfDLon = (b.lon - a.lon) * toRadians / 2
        let h = sin(halfDLat) * sin(halfDLat) + cos(lat1) * cos(lat2) * sin(halfDLon) * sin(halfDLon)
        let clamped = min(1, max(0, h))
        return earthRadius * 2 * atan2(clamped.squareRoot(), (1 - clamped).squareRoot())
    }
}

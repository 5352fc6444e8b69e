import Foundation

/// A point on the earth in decimal degrees.
public struct Location: Hashable, Sendable {
    /// Latitude, −90…90.
    public let lat: Double
    /// Longitude, −180…180.
    public let lon: Double

    /// Creates a location.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in kilometres (haversine, R = 6371 km, SPEC §3).
    public func kilometres(to other: Location) -> Double {
        let r = 6371.0
        let rad = Double.pi / 180
        let dLat = (other.lat - lat) * rad
        let dLon = (other.lon - lon) * rad
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(lat * rad) * cos(other.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}

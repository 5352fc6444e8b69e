/// Why a model could not be prepared for GLPK; the message is user-facing.
struct PreparationError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation

/// Finds and reads the data file of the official holidays (`official-cn.json`, a resource of
/// ZhudianCore that `scripts/official-calendar.py` writes) for ``OfficialCalendar``.
///
/// SwiftPM puts a target's resources in a folder next to the executable
/// (`zhudian_ZhudianCore.resources` on Linux, `….bundle` on macOS); its own `Bundle.module`
/// traps when that folder is missing, so the folder is looked up here and a missing file is
/// a thrown ``OfficialCalendarError``. Like `Bundle.module`, a binary that was moved away from
/// its folder falls back to where the package was built: the file in the source tree.
///
///     let (path, bytes) = try OfficialCalendarFile.read()
///
/// - Complexity: O(file size).
enum OfficialCalendarFile {
    /// The file's name, in the resource folder and in `Sources/ZhudianCore/Calendar/`.
    static let name = "official-cn.json"

    /// SwiftPM's name for ZhudianCore's resources: `<package>_<target>`.
    static let bundleName = "zhudian_ZhudianCore"

    /// The paths tried, in order: next to the running executable (symbolic links resolved),
    /// next to every loaded bundle (test bundles on macOS), then the source tree.
    static func candidates() -> [String] {
        // #filePath here, not as a default argument, which would name the caller's file.
        let sourceFile: String = #filePath
        var folders: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { folders.append(exe.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        var paths: [String] = []
        for folder in folders {
            for layout in [".resources", ".bundle", ".bundle/Contents/Resources"] {
                let path = folder.appendingPathComponent(bundleName + layout).appendingPathComponent(name).path
                if !paths.contains(path) { paths.append(path) }
            }
        }
        paths.append(URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent(name).path)
        return paths
    }

    /// The first of `paths` that exists, with its bytes.
    ///
    /// - Throws: ``OfficialCalendarError`` when none exists or the one found cannot be read.
    static func read(from paths: [String] = candidates()) throws(OfficialCalendarError) -> (path: String, bytes: [UInt8]) {
        guard let path = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw OfficialCalendarError(path: nil, problem: "not found; looked in \(paths.joined(separator: ", "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OfficialCalendarError(path: path, problem: "cannot be read")
        }
        return (path, [UInt8](data))
    }
}

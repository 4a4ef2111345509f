import ArgumentParser
import MarketData
import Foundation

/// Reads a CSV input named on the command line (`-` for standard input) into a `CSVTable`.
enum InputFile {
    static func table(_ path: String) throws(InputError) -> CSVTable {
        let text: String
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw InputError(file: "<stdin>", message: "not UTF-8 text")
            }
            return try CSVTable(text: decoded, file: "<stdin>")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, message: "no such file")
        }
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputError(file: path, message: "cannot read as UTF-8 text (\(error.localizedDescription))")
        }
        return try CSVTable(text: text, file: path)
    }

    /// A settings file named on the command line (a ruleset, a sweep grid, a model
    /// configuration) as text, or an error naming the file and why it cannot be read.
    /// Read through `bytes`, so a pipe (`<(…)`) works too; Foundation's file reading refuses
    /// anything but a regular file with a permission error, which would mislead.
    static func settings(_ path: String, kind: String) throws -> String {
        func refuse(_ reason: String) -> ValidationError { ValidationError("cannot read \(kind) file \(path): \(reason)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw refuse("no such file") }
        guard !isDirectory.boolValue else { throw refuse("a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw refuse("permission denied") }
        guard let bytes = bytes(path) else { throw refuse("the file could not be read") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw refuse("not UTF-8 text") }
        return text
    }

    /// The file's bytes, read straight into the array the importers parse (a chain file can be
    /// hundreds of megabytes: no intermediate `Data` copy); nil when it cannot be read. A regular
    /// file is read in one buffer of its size; a pipe or device (size 0) until end of file.
    static func bytes(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        // Closing a file that was only read cannot lose anything.
        defer { try? handle.close() }
        let descriptor = handle.fileDescriptor
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 1 << 16)
        while true {
            var got = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                repeat {
                    got = read(descriptor, buffer.baseAddress!, chunk)
                } while got < 0 && errno == EINTR
                count = max(got, 0)
            }
            if got < 0 { return nil }
            // The first piece of a regular file is the whole file: kept, not copied.
            if bytes.isEmpty { bytes = piece } else { bytes.append(contentsOf: piece) }
            if got == 0 { return bytes }
            chunk = 1 << 20
        }
    }
}

/// Prints a one-line error and exits non-zero, the contract for scripts calling the CLI.
func fail(_ error: InputError) -> Never {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}

func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

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
}

/// Prints a one-line error and exits non-zero, the contract for scripts calling the CLI.
func fail(_ error: InputError) -> Never {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}

func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

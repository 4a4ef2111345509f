import Hummingbird
import MarketData

/// A JSON response written by `StableJSON` (the CLI's `--json` encoder, so bodies match the
/// command's output byte for byte).
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try StableJSON.encode(value))))
}

/// A JSON body already encoded (e.g. a journal entry as recorded).
func jsonResponse(text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

/// The largest request body the API reads (1 MiB); a larger one is a 413 problem.
let maximumBodyBytes = 1 << 20

import Foundation

/// Reads a whole, non-negative number out of a JSON answer by a path of object keys.
enum JSONNumber {
    /// The number at `path` (keys of nested objects, e.g. `["data", "last_month"]`) in `body`, or why not.
    static func at(_ path: [String], in body: [UInt8]) -> Result<Int64, CollectFailure> {
        let name = path.joined(separator: ".")
        guard let root = JSONValue.parse(body) else { return .failure(CollectFailure("the answer is not JSON")) }
        var node = root
        for key in path {
            guard case .object(let object) = node else {
                return .failure(CollectFailure("the answer has no '\(name)': it is not a JSON object there"))
            }
            guard let next = object[key], next != .null else {
                return .failure(CollectFailure("the answer has no '\(name)'"))
            }
            node = next
        }
        guard case .number(let number) = node, number >= 0, number == number.rounded() else {
            return .failure(CollectFailure("'\(name)' in the answer is not a whole number"))
        }
        // JSON numbers are read as `Double`: from 2^53 on, 9007199254740993 and …992 read the same.
        guard number < Double.largestExactWhole else {
            return .failure(
                CollectFailure(
                    "'\(name)' in the answer is too large to hold exactly (2^53 = 9,007,199,254,740,992 or more)"))
        }
        return .success(Int64(number))
    }

    /// The length of the top-level JSON array in `body`, or why not.
    static func arrayLength(in body: [UInt8]) -> Result<Int64, CollectFailure> {
        guard let root = JSONValue.parse(body) else { return .failure(CollectFailure("the answer is not JSON")) }
        guard case .array(let items) = root else { return .failure(CollectFailure("the answer is not a JSON array")) }
        return .success(Int64(items.count))
    }
}

/// Any JSON value. Decoded with `JSONDecoder`, which, unlike `JSONSerialization`, never reads `true` as 1.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value in `body`; nil when it is not JSON.
    static func parse(_ body: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

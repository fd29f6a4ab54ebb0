import Synchronization

/// The parts of JSON documents that ``JSONWriter/member(array:reusing:_:)`` writes once and
/// copies where they come again (the parameters of a year, the same for every ATS of a batch),
/// shared by the writers of one document, or of a batch's elements written on several processors
/// (``JSONWriter/renderedElement(depth:reusing:_:)``).
///
/// It keeps the last ``limit`` parts (the latest last): what each was made from, the depth it was
/// written at, and its bytes.
package final class ReusedJSON: Sendable {
    private let parts = Mutex<[(type: ObjectIdentifier, identity: any Equatable & Sendable, depth: Int, bytes: [UInt8])]>([])

    /// How many parts are kept: a batch prospetto alternates the parameters of its two years, and
    /// a few more cost nothing to look through.
    static let limit = 4

    /// An empty store.
    package init() {}

    /// The bytes of a part made from a value equal to `identity`, of its type exactly, at `depth`.
    func bytes<Identity: Equatable & Sendable>(of identity: Identity, depth: Int) -> [UInt8]? {
        // Of the same type exactly: a cast alone would let `1` stand for `Optional(1)`.
        let type = ObjectIdentifier(Identity.self)
        return parts.withLock { parts in
            for earlier in parts.reversed() where earlier.depth == depth && earlier.type == type {
                if let value = earlier.identity as? Identity, value == identity { return earlier.bytes }
            }
            return nil
        }
    }

    /// Keeps `bytes` as the part made from `identity` at `depth`.
    func keep<Identity: Equatable & Sendable>(_ bytes: [UInt8], of identity: Identity, depth: Int) {
        parts.withLock { parts in
            if parts.count == Self.limit { parts.removeFirst() }
            parts.append((ObjectIdentifier(Identity.self), identity, depth, bytes))
        }
    }
}

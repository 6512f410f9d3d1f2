import FastPath
import Testing

/// Each primitive of the fence against the plain `Array` computation its comment states.
@Suite("FastPath primitives against plain arrays")
struct FastPathPrimitiveTests {
    /// Lists of several lengths (empty included) from a fixed seed.
    static func lists(_ count: Int, maxLength: Int, below: Int) -> [[Int]] {
        var seed: UInt64 = 0x5eed
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % (maxLength + 1))).map { _ in next() % below } }
    }

    @Test("a frozen array and its view read the array it was made from; slices read the array's slices")
    func frozenArray() {
        for array in [[], [7], Array(0..<100).map { $0 * 3 - 50 }] {
            let frozen = FrozenArray(array)
            #expect(frozen.count == array.count)
            #expect(Array(frozen.view) == array)
            #expect(array.indices.map { frozen[$0] } == array)
            for (from, to) in [(0, 0), (0, array.count), (array.count / 3, array.count / 2), (array.count, array.count)] {
                #expect(Array(frozen.view.slice(from..<to)) == Array(array[from..<to]))
            }
        }
        let strings = FrozenArray(["a", "bb", "ccc"])
        #expect(Array(strings.view) == ["a", "bb", "ccc"])
        #expect(UncheckedView<Int>().isEmpty)
    }

    @Test("a row table's rows are the lists it was built from")
    func rowTable() {
        let rows = Self.lists(200, maxLength: 9, below: 1000) + [[]]
        let table = RowTable(rows)
        #expect(table.count == rows.count)
        for r in rows.indices { #expect(Array(table[r]) == rows[r], "row \(r)") }
        #expect(RowTable<Int>([]).count == 0)
    }

    @Test("bit rows hold exactly each list's numbers, visited in ascending order")
    func bitRows() {
        for bits in [1, 63, 64, 65, 200] {
            let rows = Self.lists(60, maxLength: 12, below: bits)
            let sets = BitRows(rows, bits: bits)
            #expect(sets.width == (bits + 63) / 64)
            for r in rows.indices {
                let words = sets[r]
                #expect(words.count == sets.width)
                let members = (0..<bits).filter { words[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }
                #expect(members == Set(rows[r]).sorted(), "row \(r) of \(bits)")
                var visited: [Int] = []
                sets.forEach(in: r) { visited.append($0); return true }
                #expect(visited == Set(rows[r]).sorted())
                var first: [Int] = []
                sets.forEach(in: r) { first.append($0); return false }
                #expect(first == Array(Set(rows[r]).sorted().prefix(1)))
            }
        }
    }

    @Test("a scratch array reads back what was stored and filled, like an array")
    func scratchArray() {
        let scratch = ScratchArray(repeating: UInt8(3), count: 50)
        var reference = [UInt8](repeating: 3, count: 50)
        #expect(Array(scratch.view) == reference)
        for i in stride(from: 0, to: 50, by: 7) {
            scratch.view[i] = UInt8(i % 3)
            reference[i] = UInt8(i % 3)
        }
        #expect(Array(scratch.view) == reference)
        scratch.view.fill(3)
        #expect(Array(scratch.view) == [UInt8](repeating: 3, count: 50))
        #expect(ScratchArray(repeating: 0, count: 0).count == 0)
    }

    @Test("array views read and write the array; overwrite sets every element")
    func arrayViews() {
        var array = Array(0..<20)
        #expect(UncheckedView.of(array) { Array($0) } == array)
        UncheckedMutableView.of(&array) { view in
            for i in view.indices { view[i] = view[i] * 2 }
            view.slice(5..<10).fill(-1)
        }
        #expect(array == (0..<20).map { (5..<10).contains($0) ? -1 : $0 * 2 })
        UncheckedMutableView.overwrite(&array, with: 9)
        #expect(array == [Int](repeating: 9, count: 20))
        var empty: [Int] = []
        UncheckedMutableView.overwrite(&empty, with: 1)
        #expect(empty.isEmpty)
    }

    @Test("scratch words start at zero and keep what is stored")
    func zeroedWords() {
        for count in [1, 4, 300] {
            let sum = UncheckedMutableView.zeroed(count) { words in
                #expect(words.allSatisfy { $0 == 0 })
                for i in words.indices { words[i] |= UInt64(i) }
                return words.reduce(0, +)
            }
            #expect(sum == UInt64((0..<count).reduce(0, +)))
        }
    }

    @Test("a text builder's text is its pieces joined, past its 256 stack bytes too")
    func textBuilder() {
        for pieces in [[], ["a"], ["does not apply: ", "x", " is ", "ü€😀"], (0..<100).map { "piece \($0); " }] {
            let text = TextBuilder.text { out in for piece in pieces { out.append(piece) } }
            #expect(text == pieces.joined())
        }
        let mixed = TextBuilder.text { out in
            out.append("a", "bcdefgh", "ijklmnopq")
            out.append("1", "22", "333", "4444", "55555")
            out.append(["x", "y", "z"], separator: ", ")
            out.appendDate(year: 2026, month: 1, day: 9)
            out.appendDate(year: 7, month: 12, day: 31)
        }
        #expect(mixed == "abcdefghijklmnopq122333444455555x, y, z2026-01-090007-12-31")
        // Long pieces (a copy, not the short-piece word moves), across the heap move.
        let long = String(repeating: "é", count: 400)
        #expect(TextBuilder.text { $0.append(long); $0.append(long) } == long + long)
    }

    @Test("a choice table's bit is the value's first index in the list, or bit 63 outside it")
    func choiceTable() {
        // Values sharing length, first and last byte (one bucket), an empty value, non-ASCII, more than 63.
        let lists: [[String]] = [
            [], ["goods"], ["goods", "services", "gods", "gxds", "", "é", "ü", "goods"],
            (0..<80).map { "value-\($0)" }, ["ab", "ba", "aab", "a", "b"],
        ]
        for values in lists {
            let table = ChoiceTable(values)
            let probes = values + ["", "x", "goods ", "value-63", "value-64", "Goods", "gods", "abb", "é"]
            for probe in probes {
                let expected: UInt64 = values.prefix(63).firstIndex(of: probe).map { 1 << UInt64($0) } ?? 1 << 63
                #expect(table.bit(probe) == expected, "\(probe) in \(values.prefix(5))")
            }
        }
    }

    @Test("a held value and a lent object are the value and object they were made from")
    func heldAndLent() {
        let held = Held([1, 2])
        held.value.append(3)
        #expect(held.value == [1, 2, 3])
        let frozen = FrozenArray([4, 5])
        let lent = Lent(frozen)
        #expect(lent.with { $0 === frozen })
        #expect(lent.with { Array($0.view) } == [4, 5])
    }
}

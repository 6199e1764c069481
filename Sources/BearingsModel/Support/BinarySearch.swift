extension Array {
    /// The index of the last element dated on or before `day`, in an array sorted by date; a binary
    /// search, since bet reviews ask this of every watched metric of every decision.
    package func lastIndex<Key: Comparable>(onOrBefore day: Key, date: (Element) -> Key) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if date(self[middle]) <= day { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}

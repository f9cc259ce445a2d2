//! Lexicons: data files under `data/`, compiled in, matched on the folded key.
//!
//! A data file is plain text, one entry a line; `#` starts a comment line; an entry may carry
//! tab-separated fields after it. A [`Lexicon`] is built once per process (keep it in a
//! `OnceLock`): the data file is folded once and every key is a slice of it. Exact lookups go
//! through a hash map; [`Lexicon::find_words`] searches raw text leftmost-longest (the
//! semantics of an `aho-corasick` automaton, with a [`LexiconSet`] of one lexicon) and
//! reports only matches that start and end on word boundaries; both are built on their first
//! use (most lexicons serve only one of them).

use crate::text::fold;
use crate::text::letters::is_letter_or_digit;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

/// A compiled word list.
#[derive(Debug)]
pub struct Lexicon {
    /// Folded key of each entry, in data order.
    keys: Vec<&'static str>,
    /// Fields of all entries, one after the other; entry `i` owns `fields[starts[i]..starts[i + 1]]`.
    fields: Vec<&'static str>,
    starts: Vec<u32>,
    /// Folded key → first entry with that key, for [`Lexicon::lookup`] (built on its first use).
    exact: OnceLock<HashMap<&'static str, u32, BuildKeyHasher>>,
    /// Leftmost-longest search over `keys`, for [`Lexicon::find_words`] (built on its first use).
    searcher: OnceLock<LexiconSet<1>>,
}

/// One match of a lexicon entry in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the data file's order (comments skipped).
    pub entry: usize,
    /// Byte range in the searched text.
    pub range: Range<usize>,
}

impl Lexicon {
    /// Compiles the entries of a data file (see the module docs for the format).
    pub fn from_data(data: &'static str) -> Lexicon {
        let entries = data_lines(data).map(|line| line.split('\t').map(str::trim));
        Lexicon::build(data, entries)
    }

    /// Compiles a text of names, one a line, each taken as written (no comments, no fields).
    pub fn from_lines(text: &'static str) -> Lexicon {
        Lexicon::build(text, text.lines().map(std::iter::once))
    }

    /// Compiles `entries` (each a list of fields, all slices of `source`), keyed on the folded
    /// first field. `source` is folded once: folding keeps byte offsets, and fields are cut at
    /// tabs and line breaks, where no letter pair of the fold can straddle.
    fn build<E, F>(source: &'static str, entries: E) -> Lexicon
    where
        E: Iterator<Item = F>,
        F: Iterator<Item = &'static str>,
    {
        // Built once per process (a `OnceLock`): the keys live as long as the lexicon.
        let folded: &'static str = Box::leak(fold(source).into_boxed_str());
        let mut keys = Vec::new();
        let mut fields = Vec::new();
        let mut starts = vec![0];
        for entry in entries {
            let first = fields.len();
            fields.extend(entry);
            let at = fields[first].as_ptr() as usize - source.as_ptr() as usize;
            keys.push(&folded[at..at + fields[first].len()]);
            starts.push(fields.len() as u32);
        }
        Lexicon {
            keys,
            fields,
            starts,
            exact: OnceLock::new(),
            searcher: OnceLock::new(),
        }
    }

    /// The fields of entry `i` (field 0 is the entry as written in the data file).
    pub fn fields(&self, i: usize) -> &[&'static str] {
        &self.fields[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The folded key of each entry, in data order.
    pub fn keys(&self) -> &[&'static str] {
        &self.keys
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whole-word matches in `folded` (a folded key, see [`crate::text::fold`]): from each
    /// word boundary not inside the last match, the longest entry starting there, kept when
    /// it ends on a word boundary too.
    pub fn find_words<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Hit> + 'a {
        let [hits] = self.searcher().find_words(folded);
        hits.into_iter()
    }

    /// The whole-word entry that `folded` starts with: the longest entry there, when it ends
    /// on a word boundary. It is the first of [`Lexicon::find_words`] when that starts at 0,
    /// found without searching the rest of `folded`.
    pub fn word_at_start(&self, folded: &str) -> Option<Hit> {
        let [hits] = self.searcher().find_starting_at(folded, [0]);
        let hit = hits.into_iter().next()?;
        is_word_boundary(folded, hit.range.end).then_some(hit)
    }

    /// The search over the entries, built on its first use.
    fn searcher(&self) -> &LexiconSet<1> {
        self.searcher.get_or_init(|| LexiconSet::new([self]))
    }

    /// Every leftmost-longest match in `folded`, word boundaries or not, found by an
    /// `aho-corasick` automaton: the reference the searches of this module are tested against.
    #[cfg(test)]
    pub fn find_all(&self, folded: &str) -> impl Iterator<Item = Hit> {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&self.keys)
            .expect("lexicon entries compile")
            .find_iter(folded)
            .map(|m| Hit {
                entry: m.pattern().as_usize(),
                range: m.range(),
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The entry that `folded` is exactly, if any.
    pub fn lookup(&self, folded: &str) -> Option<usize> {
        let exact = self.exact.get_or_init(|| {
            let mut exact =
                HashMap::with_capacity_and_hasher(self.keys.len(), BuildKeyHasher::default());
            for (i, key) in self.keys.iter().enumerate() {
                exact.entry(*key).or_insert(i as u32);
            }
            exact
        });
        exact.get(folded).map(|&i| i as usize)
    }
}

/// Several lexicons searched together in one pass over a text, each with the semantics of
/// its own leftmost-longest automaton restricted to a set of start positions (word
/// boundaries for [`LexiconSet::find_words`], the starts of words for the entities): from
/// where its last match ended, the earliest wanted start of any of its entries, and there
/// the longest entry (the first in data order among equal keys).
///
/// A byte trie of all keys, marked per lexicon: walking it from a start position finds
/// the entries of every lexicon starting there at once. It is built from the sorted keys in
/// one pass, far cheaper than compiling an automaton per lexicon; the children of a node are
/// stored together in byte order, each with the byte on its edge, so a step down a chain of
/// single children reads one node, and a node of many edges has a table from byte to child
/// besides.
#[derive(Debug)]
pub struct LexiconSet<const N: usize> {
    /// The nodes one byte deep, by that byte (a node with no key through it when none).
    first: [Node; 256],
    /// True for the bytes some key starts with: what `first` tells, in a table small enough
    /// for the scan of [`LexiconSet::find_words`] to read a byte per position.
    opens: [bool; 256],
    /// Bit `256 * a + b` set when some key starts with the bytes `a b`, or is `a` alone.
    pairs: Vec<u64>,
    /// All nodes; node 0 is the root, and the children of a node follow one another.
    nodes: Vec<Node>,
    /// For the nodes where keys end: for each lexicon, the first entry with that key.
    entries: Vec<[u32; N]>,
    /// For the nodes of a wide fanout, each byte's child as its index among the node's
    /// children plus one (0: no child on that byte).
    wide: Vec<[u8; 256]>,
}

/// A trie node.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Its children: `nodes[children..children + fanout]`.
    children: u32,
    /// Index in `entries` when a key ends here.
    terminal: u32,
    fanout: u8,
    /// The byte on the edge into the node.
    label: u8,
    /// How the children are found: with fewer than [`WIDE_FANOUT`], their labels, one a
    /// byte from the lowest; with more, the index of their table in `wide`.
    lookup: u32,
    /// Bit `l` set when a key of lexicon `l` ends here.
    ends: u8,
    /// Bit `l` set when a longer key of lexicon `l` goes through here.
    longer: u8,
}

const NONE: u32 = u32::MAX;

/// The fanout from which a node finds its children in a table rather than by comparing their
/// labels in turn.
const WIDE_FANOUT: u8 = 4;

const LEAF: Node = Node {
    children: 0,
    terminal: NONE,
    fanout: 0,
    label: 0,
    lookup: NONE,
    ends: 0,
    longer: 0,
};

/// Room for the hits of a lexicon taken at its first hit in a text: a segment has a handful
/// to a few dozen, which a list grown from nothing (4, 8, 16, ...) reaches only after
/// reallocating at each doubling; lexicons without a hit take no room.
const FIRST_HITS: usize = 16;

/// A key to index: its bytes, its lexicon, its entry.
type Item = (&'static [u8], u8, u32);

impl<const N: usize> LexiconSet<N> {
    /// Indexes the keys of `lexicons` (at most 8).
    pub fn new(lexicons: [&Lexicon; N]) -> LexiconSet<N> {
        assert!(N <= 8, "a byte of lexicon bits");
        let bytes: usize = lexicons.iter().flat_map(|l| &l.keys).map(|k| k.len()).sum();
        let count = lexicons.iter().map(|l| l.keys.len()).sum();
        let mut items: Vec<Item> = Vec::with_capacity(count);
        for (l, lexicon) in lexicons.iter().enumerate() {
            let keys = lexicon.keys.iter().enumerate();
            items.extend(keys.map(|(i, k)| (k.as_bytes(), l as u8, i as u32)));
        }
        items.retain(|item| !item.0.is_empty());
        // In byte order, a prefix first: then the keys under each node come sorted by their
        // next byte, keys ending there first, as `grow` needs.
        items.sort_by_cached_key(|item| (leading_bytes(item.0), item.0));
        let mut set = LexiconSet {
            first: [LEAF; 256],
            opens: [false; 256],
            pairs: opening_pairs(&items),
            nodes: Vec::with_capacity(bytes + 1),
            entries: Vec::new(),
            wide: Vec::new(),
        };
        set.new_node(0);
        set.grow(&items);
        set.index_wide_nodes();
        let root = set.nodes[0];
        for child in root.children..root.children + u32::from(root.fanout) {
            let node = set.nodes[child as usize];
            set.first[usize::from(node.label)] = node;
            set.opens[usize::from(node.label)] = true;
        }
        set
    }

    /// Gives every node the lookup of its children: the labels of a few, the table of many.
    fn index_wide_nodes(&mut self) {
        for n in 0..self.nodes.len() {
            let node = self.nodes[n];
            if node.fanout < WIDE_FANOUT {
                let from = node.children as usize;
                let children = &self.nodes[from..from + usize::from(node.fanout)];
                let labels = children
                    .iter()
                    .rev()
                    .fold(0, |l, c| l << 8 | u32::from(c.label));
                self.nodes[n].lookup = labels;
                continue;
            }
            let mut table = [0u8; 256];
            let from = node.children as usize;
            let children = &self.nodes[from..from + usize::from(node.fanout)];
            for (k, child) in children.iter().enumerate() {
                // Keys are UTF-8: at most 243 distinct bytes follow a prefix.
                table[usize::from(child.label)] = u8::try_from(k + 1).expect("fanout under 256");
            }
            self.nodes[n].lookup = self.wide.len() as u32;
            self.wide.push(table);
        }
    }

    fn new_node(&mut self, label: u8) -> u32 {
        self.nodes.push(Node { label, ..LEAF });
        (self.nodes.len() - 1) as u32
    }

    /// Marks `node` as the end of the keys of `items`.
    fn end_here(&mut self, node: u32, items: &[Item]) {
        let mut slot = [NONE; N];
        for &(_, l, entry) in items {
            let first = &mut slot[usize::from(l)];
            *first = (*first).min(entry);
            self.nodes[node as usize].ends |= 1 << l;
        }
        self.nodes[node as usize].terminal = self.entries.len() as u32;
        self.entries.push(slot);
    }

    /// Builds the trie under the root, whose keys are `items` (sorted), a level at a time: the
    /// nodes of the first levels, where most walks end, lie together in memory instead of
    /// spread between the subtrees below them. A node's keys are those of a run of `items`
    /// that share its first `depth` bytes.
    fn grow(&mut self, items: &[Item]) {
        let mut level = vec![(0u32, 0..items.len())];
        let mut depth = 0;
        while !level.is_empty() {
            let mut below = Vec::new();
            for (node, run) in level {
                self.grow_node(node, items, run, depth, &mut below);
            }
            level = below;
            depth += 1;
        }
    }

    /// Gives `node`, whose keys are `items[run]`, its children (pushed on `below` with their
    /// runs of keys), or the chain of its one key.
    fn grow_node(
        &mut self,
        node: u32,
        items: &[Item],
        run: Range<usize>,
        depth: usize,
        below: &mut Vec<(u32, Range<usize>)>,
    ) {
        let items_here = &items[run.clone()];
        if let [item] = *items_here {
            return self.chain(node, item, depth);
        }
        let ending = items_here.partition_point(|item| item.0.len() == depth);
        if ending > 0 {
            self.end_here(node, &items_here[..ending]);
        }
        let rest = &items_here[ending..];
        let children = self.nodes.len() as u32;
        let start = run.start + ending;
        let mut from = 0;
        while let Some((byte, to)) = group_at(rest, from, depth) {
            let child = self.new_node(byte);
            below.push((child, start + from..start + to));
            from = to;
        }
        // Keys are UTF-8: at most 243 distinct bytes follow a prefix.
        let fanout = u8::try_from(self.nodes.len() as u32 - children).expect("fanout under 256");
        let n = &mut self.nodes[node as usize];
        n.longer = rest.iter().fold(0u8, |m, item| m | 1 << item.1);
        n.children = children;
        n.fanout = fanout;
    }

    /// Builds the subtree of `node` for one key alone: a chain of nodes.
    fn chain(&mut self, mut node: u32, item: Item, depth: usize) {
        for &byte in &item.0[depth..] {
            let child = self.new_node(byte);
            let n = &mut self.nodes[node as usize];
            n.longer = 1 << item.1;
            n.children = child;
            n.fanout = 1;
            node = child;
        }
        self.end_here(node, &[item]);
    }

    /// The child of `node` on byte `b`.
    fn child(&self, node: &Node, b: u8) -> Option<&Node> {
        let from = node.children as usize;
        if node.fanout < WIDE_FANOUT {
            // The few labels compared with `b` at once, without a branch for each: the lowest
            // zero byte of their difference (a higher one may be a false zero, never a lower).
            let diff = node.lookup ^ (u32::from(b) * 0x0101_0101);
            let zero = diff.wrapping_sub(0x0101_0101) & !diff & 0x8080_8080;
            let labels = ((1u64 << (8 * u32::from(node.fanout))) - 1) as u32;
            let found = zero & labels;
            if found == 0 {
                return None;
            }
            self.nodes.get(from + (found.trailing_zeros() / 8) as usize)
        } else {
            let table = &self.wide[node.lookup as usize];
            let k = usize::from(table[usize::from(b)]).checked_sub(1)?;
            self.nodes.get(from + k)
        }
    }

    /// Walks down from `node`, reached by `bytes[..end]`, recording in `longest` the longest
    /// entry of each `wanted` lexicon on the way and where it ends; returns the lexicons found.
    fn longest_from<'a>(
        &'a self,
        mut node: &'a Node,
        bytes: &[u8],
        mut end: usize,
        wanted: u8,
        longest: &mut [(u32, usize); N],
    ) -> u8 {
        let mut matched = 0u8;
        loop {
            let ends = node.ends & wanted;
            if ends != 0 {
                let entries = &self.entries[node.terminal as usize];
                for_each_bit(ends, |l| longest[l] = (entries[l], end));
                matched |= ends;
            }
            if node.longer & wanted == 0 {
                return matched;
            }
            match bytes.get(end).and_then(|&b| self.child(node, b)) {
                Some(next) => node = next,
                None => return matched,
            }
            end += 1;
        }
    }

    /// The matches of each lexicon in `folded` (a folded key) from every position, in text
    /// order: what an automaton per lexicon finds (the reference of the tests).
    #[cfg(test)]
    pub fn find_all(&self, folded: &str) -> [Vec<Hit>; N] {
        self.find_starting_at(folded, 0..folded.len())
    }

    /// The matches of each lexicon in `folded` that start and end on word boundaries, found
    /// from word boundaries only (see [`LexiconSet::find_starting_at`]).
    pub fn find_words(&self, folded: &str) -> [Vec<Hit>; N] {
        // Only the positions where a key may start are looked at for a boundary.
        let bytes = folded.as_bytes();
        let mut at = 0;
        let candidates = std::iter::from_fn(move || {
            let k = bytes
                .get(at..)?
                .iter()
                .position(|&b| self.opens[usize::from(b)])?;
            at += k + 1;
            Some(at - 1)
        });
        let starts =
            candidates.filter(|&i| self.may_open(bytes, i) && is_word_boundary_at(folded, i));
        self.find_starting_at(folded, starts).map(|mut hits| {
            hits.retain(|h| is_word_boundary(folded, h.range.end));
            hits
        })
    }

    /// True when a key may start at byte `at`: some key starts with the two bytes there, or
    /// is the byte there alone.
    fn may_open(&self, bytes: &[u8], at: usize) -> bool {
        let first = usize::from(bytes[at]);
        match bytes.get(at + 1) {
            Some(&second) => {
                let pair = first << 8 | usize::from(second);
                self.pairs[pair / 64] & 1 << (pair % 64) != 0
            }
            None => self.first[first].ends != 0,
        }
    }

    /// The matches of each lexicon in `folded` that start at one of `starts` (increasing
    /// byte offsets), in text order: the leftmost-longest search from every position, with
    /// every other position skipped, so that a match from there cannot hide one that starts
    /// at a wanted position.
    pub fn find_starting_at(
        &self,
        folded: &str,
        starts: impl IntoIterator<Item = usize>,
    ) -> [Vec<Hit>; N] {
        let mut found: [Vec<Hit>; N] = std::array::from_fn(|_| Vec::new());
        let all = u8::MAX >> (8 - N);
        let starts = starts.into_iter().map(|s| (s, all));
        self.for_each_match(folded, starts, |l, _, hit| push_hit(&mut found[l], hit));
        found
    }

    /// The matches [`LexiconSet::find_starting_at`] finds, in the same order for each
    /// lexicon, each given to `found` with the lexicon's index and the index of its start
    /// among `starts`, instead of gathered in lists. Each start comes with the lexicons
    /// searched from it (bit `l` for lexicon `l`): a lexicon finds what it finds from its own
    /// starts alone.
    pub fn for_each_match(
        &self,
        folded: &str,
        starts: impl IntoIterator<Item = (usize, u8)>,
        mut found: impl FnMut(usize, usize, Hit),
    ) {
        let bytes = folded.as_bytes();
        let mut resume = [0usize; N];
        // No lexicon's last match reaches past here.
        let mut busy_until = 0;
        // The longest match of each lexicon from the current start (valid for its matched bits).
        let mut longest = [(0u32, 0usize); N];
        for (k, (start, searched)) in starts.into_iter().enumerate() {
            let Some(&first) = bytes.get(start) else {
                break;
            };
            let node = &self.first[usize::from(first)];
            let reachable = (node.ends | node.longer) & searched;
            if reachable == 0 {
                continue;
            }
            let wanted = if start >= busy_until {
                reachable
            } else {
                free_at(&resume, start) & reachable
            };
            if wanted == 0 {
                continue;
            }
            let matched = self.longest_from(node, bytes, start + 1, wanted, &mut longest);
            for_each_bit(matched, |l| {
                let (entry, end) = longest[l];
                found(
                    l,
                    k,
                    Hit {
                        entry: entry as usize,
                        range: start..end,
                    },
                );
                resume[l] = end;
                busy_until = busy_until.max(end);
            });
        }
    }
}

/// [`is_word_boundary`] at any byte offset `at` of `s` (false inside a character): read off
/// the bytes around `at` when the character on either side is ASCII and that settles it.
#[inline]
fn is_word_boundary_at(s: &str, at: usize) -> bool {
    let bytes = s.as_bytes();
    let (Some(&before), Some(&after)) =
        (at.checked_sub(1).and_then(|p| bytes.get(p)), bytes.get(at))
    else {
        return s.is_char_boundary(at);
    };
    let ascii_word = |b: u8| b.is_ascii_alphanumeric();
    match (before.is_ascii(), after.is_ascii()) {
        (true, true) => !(ascii_word(before) && ascii_word(after)),
        // A character that is not a letter or digit on one side.
        (true, false) if !ascii_word(before) => s.is_char_boundary(at),
        (false, true) if !ascii_word(after) => true,
        _ => s.is_char_boundary(at) && is_word_boundary(s, at),
    }
}

/// The first 8 bytes of `key` as a number, zeros after its end: ordered as the keys are
/// (keys hold no zero byte), and compared in one step.
fn leading_bytes(key: &[u8]) -> u64 {
    let mut first = [0u8; 8];
    let n = key.len().min(8);
    first[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(first)
}

/// The bits of [`LexiconSet::pairs`] for the keys of `items`.
fn opening_pairs(items: &[Item]) -> Vec<u64> {
    let mut pairs = vec![0u64; 256 * 256 / 64];
    let mut mark = |pair: usize| pairs[pair / 64] |= 1 << (pair % 64);
    for (key, _, _) in items {
        let first = usize::from(key[0]) << 8;
        match key.get(1) {
            Some(&second) => mark(first | usize::from(second)),
            None => (0..256).for_each(|second| mark(first | second)),
        }
    }
    pairs
}

/// Pushes `hit` on `hits`, a list of the hits of one lexicon in a text: its first push takes
/// room for [`FIRST_HITS`].
pub fn push_hit<T>(hits: &mut Vec<T>, hit: T) {
    if hits.capacity() == 0 {
        hits.reserve(FIRST_HITS);
    }
    hits.push(hit);
}

/// Bit `l` set for each lexicon `l` whose last match ended by `start`.
fn free_at<const N: usize>(resume: &[usize; N], start: usize) -> u8 {
    let mut free = 0;
    for (l, &end) in resume.iter().enumerate() {
        free |= u8::from(end <= start) << l;
    }
    free
}

/// Calls `f` with the index of every bit set in `mask`, lowest first.
fn for_each_bit(mut mask: u8, mut f: impl FnMut(usize)) {
    while mask != 0 {
        f(mask.trailing_zeros() as usize);
        mask &= mask - 1;
    }
}

/// The byte at `depth` of the keys of `items` (sorted by it) from `from`, and where the
/// run of keys with that byte ends.
fn group_at(items: &[Item], from: usize, depth: usize) -> Option<(u8, usize)> {
    let byte = items.get(from)?.0[depth];
    Some((
        byte,
        from + items[from..].partition_point(|item| item.0[depth] == byte),
    ))
}

/// The bytes of `bytes` (at most 8) as a little-endian number, zeros above them, read into a
/// register without a store (bytes copied into an array and loaded as one number stall the
/// load until the copies are written): from 4 bytes on, its first and last 4 bytes
/// (overlapping) as two numbers; below, its first, middle and last bytes.
pub(crate) fn zero_padded_le(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    debug_assert!(n <= 8, "{n} bytes");
    let four_at = |from: usize| {
        let four: [u8; 4] = bytes[from..from + 4].try_into().expect("4 bytes");
        u64::from(u32::from_le_bytes(four))
    };
    let byte_at = |k: usize| u64::from(bytes[k]) << (8 * k);
    match n {
        0 => 0,
        1..=3 => byte_at(0) | byte_at(n / 2) | byte_at(n - 1),
        _ => four_at(0) | (four_at(n - 4) << (8 * (n - 4))),
    }
}

/// A fast hash for short keys from our own data (no untrusted keys to guard against): FxHash.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

/// Builds [`KeyHasher`]s.
pub type BuildKeyHasher = BuildHasherDefault<KeyHasher>;

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        self.add(zero_padded_le(rest) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// The entry lines of a data file: trimmed, non-empty, comments skipped.
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True when byte offset `at` of `s` is not inside a word (letters and digits).
pub fn is_word_boundary(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at..].chars().next();
    !(before.is_some_and(is_letter_or_digit) && after.is_some_and(is_letter_or_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes read in a register are the bytes copied into zeroed bytes, at every length.
    #[test]
    fn padded_bytes_read_as_copied() {
        let bytes: Vec<u8> = (1..=8).map(|b| b * 31).collect();
        for n in 0..=8 {
            let mut copied = [0u8; 8];
            copied[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                zero_padded_le(&bytes[..n]),
                u64::from_le_bytes(copied),
                "{n}"
            );
        }
    }

    #[test]
    fn matches_whole_words_on_the_folded_key() {
        let lex = Lexicon::from_lines("Tỉnh ủy\nUBND");
        let text = fold("Ban Thường vụ Tỉnh uỷ và UBNDX, UBND tỉnh");
        let hits: Vec<&str> = lex.find_words(&text).map(|h| &text[h.range]).collect();
        assert_eq!(hits, [fold("tỉnh ủy").as_str(), "ubnd"]);
    }

    /// A match from inside a word does not hide the next word's: "b c" inside "ab cd" is not
    /// looked for, so "cd" is found (an automaton over the whole text finds "b c" first).
    #[test]
    fn matches_start_only_on_word_boundaries() {
        let lex = Lexicon::from_lines("b c\ncd");
        let text = "ab cd";
        let hits: Vec<&str> = lex.find_words(text).map(|h| &text[h.range]).collect();
        assert_eq!(hits, ["cd"]);
        assert_eq!(
            lex.find_all(text).count(),
            1,
            "the automaton finds \"b c\" alone"
        );
    }

    /// The definition of `find_words`, by brute force over every key at every word boundary.
    fn words_by_brute_force(lexicon: &Lexicon, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut resume = 0;
        for start in (resume..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if start < resume || !is_word_boundary(text, start) {
                continue;
            }
            let keys = lexicon.keys.iter().enumerate();
            let found = keys.filter(|(_, k)| !k.is_empty() && text[start..].starts_with(*k));
            // The longest key, and the first in data order among equal ones.
            let Some((entry, key)) = found.min_by_key(|(i, k)| (usize::MAX - k.len(), *i)) else {
                continue;
            };
            resume = start + key.len();
            if is_word_boundary(text, resume) {
                hits.push(Hit {
                    entry,
                    range: start..resume,
                });
            }
        }
        hits
    }

    /// `find_words` finds what its brute-force definition finds.
    #[test]
    fn find_words_agrees_with_its_definition() {
        let lexicons = [
            Lexicon::from_data(include_str!("../data/chrome.txt")),
            Lexicon::from_data(include_str!("../data/awards.txt")),
            Lexicon::from_data(include_str!("../data/document_kinds.txt")),
            Lexicon::from_lines("ab\nabc\nbcd\nc\ntp.\ntp"),
        ];
        let corpus = include_str!("../tests/corpus/facts/awards.txt");
        let texts = [fold(corpus), fold("abcd tp. tp abc, bcd c ab cd"), fold("")];
        for (lexicon, text) in lexicons
            .iter()
            .flat_map(|l| texts.iter().map(move |t| (l, t)))
        {
            let expected = words_by_brute_force(lexicon, text);
            assert_eq!(lexicon.find_words(text).collect::<Vec<_>>(), expected);
        }
    }

    /// `word_at_start` is the first whole word `find_words` finds, when that starts at 0.
    #[test]
    fn the_word_at_the_start_is_the_first_found_there() {
        let lexicon = Lexicon::from_data(include_str!("../data/awards.txt"));
        let corpus = fold(include_str!("../tests/corpus/facts/awards.txt"));
        let mut found = 0;
        for at in (0..corpus.len()).filter(|&at| corpus.is_char_boundary(at)) {
            let rest = &corpus[at..];
            let first = lexicon
                .find_words(rest)
                .next()
                .filter(|h| h.range.start == 0);
            found += usize::from(first.is_some());
            assert_eq!(lexicon.word_at_start(rest), first, "{rest:?}");
        }
        assert!(found > 20, "{found}");
    }

    /// The pair filter lets through every position a key starts at.
    #[test]
    fn every_key_passes_the_pair_filter() {
        let lexicon = Lexicon::from_lines("ab\na\nđc\nxyz");
        let set = lexicon.searcher();
        for text in ["ab", "a", "b a", "đc", "xyz", "xy"] {
            let starts: Vec<usize> = (0..text.len())
                .filter(|&i| set.may_open(text.as_bytes(), i))
                .collect();
            for hit in &set.find_all(text)[0] {
                assert!(starts.contains(&hit.range.start), "{text:?}");
            }
        }
        assert!(!set.may_open(b"xa", 0) && !set.may_open(b"ba", 0) && set.may_open(b"ba", 1));
        let corpus = fold(include_str!("../tests/corpus/facts/awards.txt"));
        let awards = Lexicon::from_data(include_str!("../data/awards.txt"));
        let set = awards.searcher();
        let starts = (0..corpus.len()).filter(|&i| set.may_open(corpus.as_bytes(), i));
        let hits = set.find_all(&corpus);
        assert!(!hits[0].is_empty());
        let starts: Vec<usize> = starts.collect();
        assert!(hits[0]
            .iter()
            .all(|h| starts.binary_search(&h.range.start).is_ok()));
    }

    /// `child` finds the child a scan of a node's children finds, on every byte from every
    /// node (of every fanout: one, two or three, and a table from four).
    #[test]
    fn a_child_is_the_one_a_scan_of_the_children_finds() {
        let gazetteer = Lexicon::from_data(include_str!("../data/gazetteer.txt"));
        let awards = Lexicon::from_data(include_str!("../data/awards.txt"));
        let lines = Lexicon::from_lines("ab\nac\nad\nae\nbx\nby\nbz\ncu\ncv");
        let set = LexiconSet::new([&gazetteer, &awards, &lines]);
        let mut fanouts = [0usize; 5];
        for node in &set.nodes {
            let from = node.children as usize;
            let children = &set.nodes[from..from + usize::from(node.fanout)];
            fanouts[usize::from(node.fanout).min(4)] += 1;
            for b in 0..=u8::MAX {
                let expected = children.iter().find(|c| c.label == b);
                let found = set.child(node, b);
                assert_eq!(
                    found.map(|c| c as *const Node),
                    expected.map(|c| c as *const Node)
                );
            }
        }
        assert!(fanouts.iter().all(|&n| n > 0), "{fanouts:?}");
    }

    /// The byte-level boundary test agrees with `is_word_boundary` at every byte offset.
    #[test]
    fn boundaries_at_any_byte_agree_with_the_char_level_test() {
        let mut texts = vec![fold("Ủy ban 3.200 tỷ; x×y, “Bằng khen”\u{a0}TP.HCM đ/c")];
        texts.extend(crate::test_texts::texts_under(&["tests/corpus/facts"]));
        for s in &texts {
            for at in 0..=s.len() {
                let expected = s.is_char_boundary(at) && is_word_boundary(s, at);
                assert_eq!(is_word_boundary_at(s, at), expected, "{at} in {s:?}");
            }
        }
    }

    #[test]
    fn data_files_keep_fields_and_fold_keys() {
        let lex =
            Lexicon::from_data("# comment\n  Hòa Bình\tt\tx \n\nUBND\tgovernment\nhoà bình\n");
        assert_eq!(lex.len(), 3);
        assert_eq!(lex.fields(0), ["Hòa Bình", "t", "x"]);
        assert_eq!(lex.fields(1), ["UBND", "government"]);
        assert_eq!(lex.lookup(&fold("HOÀ BÌNH")), Some(0));
        assert_eq!(Lexicon::from_lines("Ea Kar\nB' Lá").fields(1), ["B' Lá"]);
    }
}

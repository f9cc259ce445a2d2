// Pure helpers over a thidua Summary: the list of facts with their evidence spans, and the
// cutting of the article into pieces at every span boundary (no DOM here).

/** Vietnamese labels of the reasons the cleaner gives for a removed line (the JSON keeps
 * the reason as given). */
const REASONS = {
  'after a closing-section marker': 'sau dấu kết bài',
  'closing-section marker': 'dấu kết bài (Đọc thêm, Tin liên quan…)',
  'repeated headline': 'tiêu đề lặp lại',
  'repeated paragraph': 'đoạn lặp lại',
  'headline without diacritics': 'tiêu đề không dấu',
  'page chrome': 'thành phần giao diện trang',
  'page-header date banner': 'ngày giờ đầu trang',
  'page widget label': 'nhãn tiện ích trang',
  'slogan banner': 'khẩu hiệu đầu trang',
  breadcrumb: 'đường dẫn chuyên mục',
  counter: 'bộ đếm (lượt xem, bình luận…)',
  'image or media file name': 'tên tệp ảnh, video',
};

/** The reader's label of a removal reason: Vietnamese when known, else as given. */
export function reasonLabel(reason) {
  return Object.hasOwn(REASONS, reason) ? REASONS[reason] : reason;
}

/** One fact of the summary that points at the text. */
function fact(key, kind, level, label, detail, spans) {
  return { key, kind, cls: `f-${kind}`, level, label, detail, spans: spans.filter(Boolean) };
}

const join = (...parts) => parts.filter((p) => p !== null && p !== undefined && p !== '' && p !== false).join(' · ');

/**
 * Every fact with evidence, as `{key, kind, cls, level, label, detail, spans}`.
 * `level` is "word" (names, figures: coloured), "sentence" (events, awards: underlined) or
 * "removed" (stripped lines). `key` ("person:2", "figure:0", ...) links cards to facts.
 */
export function collectFacts(summary) {
  const facts = [];
  const add = (...args) => facts.push(fact(...args));
  if (summary.title_span) add('title', 'title', 'sentence', 'Tiêu đề', summary.title, [summary.title_span]);
  const e = summary.event;
  if (e.span) add('event', 'event', 'sentence', 'Sự kiện', join(e.kind, e.date_text || e.date, e.location && `tại ${e.location}`, e.period), [e.span]);
  summary.summary.forEach((s, i) => add(`summary:${i}`, 'key', 'sentence', 'Câu chính', s.text, [s.span]));
  summary.awards.forEach((a, i) => add(`award:${i}`, 'award', 'sentence', 'Khen thưởng',
    join(a.name || a.award, a.recipient, a.count !== null && `${a.count} đối tượng`, a.granted_by, a.proposed && 'đề nghị'), [a.span]));
  summary.clusters.forEach((c, i) => add(`cluster:${i}`, 'cluster', 'sentence', 'Cụm thi đua', c.text, [c.span]));
  summary.people.forEach((p, i) => add(`person:${i}`, 'person', 'word', 'Nhân vật', join(p.name, p.roles.join('; ')), p.mentions));
  summary.organizations.forEach((o, i) => add(`organization:${i}`, 'org', 'word', 'Tổ chức', join(o.name, o.kind), o.mentions));
  summary.places.forEach((o, i) => add(`place:${i}`, 'place', 'word', 'Địa danh', join(o.name, o.kind), o.mentions));
  summary.abbreviations.forEach((a, i) => add(`abbreviation:${i}`, 'abbr', 'word', 'Viết tắt', `${a.short} = ${a.long}`, a.mentions));
  summary.figures.forEach((f, i) => add(`figure:${i}`, 'figure', 'word', 'Số liệu',
    join(f.text, f.metric, f.subject, f.comparison, f.status === 'target' ? 'chỉ tiêu' : null), [f.span]));
  summary.documents.forEach((d, i) => add(`document:${i}`, 'doc', 'word', 'Văn bản', join(d.text, d.kind), [d.span]));
  summary.movements.forEach((m, i) => add(`movement:${i}`, 'movement', 'word', 'Phong trào', join(m.name, m.kind), [m.span]));
  summary.removed.forEach((r, i) => add(`removed:${i}`, 'removed', 'removed', 'Lược bỏ', reasonLabel(r.reason), [r.span]));
  return facts.filter((f) => f.spans.length > 0);
}

/**
 * Block boundaries for a long text: positions just after a line break, about every `size`
 * code units, so the article can be laid out in chunks.
 */
export function chunkBreaks(text, size = 4000) {
  const breaks = [];
  let from = size;
  while (from < text.length) {
    const at = text.indexOf('\n', from);
    if (at === -1) break;
    breaks.push(at + 1);
    from = at + 1 + size;
  }
  return breaks;
}

/**
 * Cuts `text` at every boundary of every fact span and at `breaks`. Yields pieces
 * `{start, end, facts: [indices of non-removed facts covering it], removed: index or -1}`
 * covering the whole text in order. Spans outside the text are clipped; empty ones skipped.
 */
export function* segmentArticle(text, facts, breaks = []) {
  const length = text.length;
  const clip = (n) => Math.max(0, Math.min(length, Number.isFinite(n) ? n : 0));
  const starts = new Map();
  const ends = new Map();
  const bounds = new Set([0, length, ...breaks.filter((b) => b > 0 && b < length)]);
  facts.forEach((f, index) => {
    for (const span of f.spans) {
      const start = clip(span.start);
      const end = clip(span.end);
      if (end <= start) continue;
      push(starts, start, index);
      push(ends, end, index);
      bounds.add(start);
      bounds.add(end);
    }
  });
  const sorted = [...bounds].sort((a, b) => a - b);
  const active = new Map();
  for (let k = 0; k + 1 < sorted.length; k += 1) {
    const at = sorted[k];
    for (const index of ends.get(at) || []) {
      const left = active.get(index) - 1;
      if (left > 0) active.set(index, left);
      else active.delete(index);
    }
    for (const index of starts.get(at) || []) active.set(index, (active.get(index) || 0) + 1);
    let removed = -1;
    const covering = [];
    for (const index of active.keys()) {
      if (facts[index].level === 'removed') removed = index;
      else covering.push(index);
    }
    yield { start: at, end: sorted[k + 1], facts: covering, removed };
  }
}

function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

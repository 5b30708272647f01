import { describe, expect, it } from 'vitest';
import { searchableHtml } from '../../src/search/index-html';
import {
  cardKey,
  contentWords,
  findCard,
  parseQuery,
  questionPieces,
  typoFix,
  withYears,
  type SearchData,
} from '../../src/search/query';
import { excerpt, matchTerm, rank, sectionsOf, WEIGHTS, type PageText } from '../../src/search/rank';

describe('searchableHtml: what the index sees', () => {
  const html =
    '<article data-pagefind-body><h1>成立與背景</h1><p>起點。<sup><a href="#user-content-fn-a" id="user-content-fnref-a" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup></p>' +
    '<h2 id="霍克的首爾演說">霍克的首爾演說<a class="heading-anchor" data-pagefind-ignore="" href="#x"></a></h2><h3 id="sub">小節</h3><h4 id="deep">更深</h4>' +
    '<table><tr><th scope="row" id="term-apec">APEC</th></tr></table><div data-id="keep" id="chart">圖</div>' +
    '<section data-footnotes="" class="footnotes" data-pagefind-ignore=""><h2 class="sr-only" id="footnote-label">註釋</h2><ol><li id="user-content-fn-a"><p>來源 <a href="#user-content-fnref-a" data-footnote-backref="">↩</a></p></li></ol></section></article>';
  const out = searchableHtml(html);

  it('keeps ids on h2/h3 only', () => {
    expect([...out.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])).toEqual(['霍克的首爾演說', 'sub']);
    expect(out).toContain('data-id="keep"');
  });
  it('drops footnote references, the footnote list and its back-links', () => {
    expect(out).not.toMatch(/data-footnote|↩|footnote-label|>1</);
    expect(out).toContain('<p>起點。</p>');
  });
  it('ends every block in punctuation, so Pagefind never joins blocks with 「. 」', () => {
    const blocks = searchableHtml(
      '<table><tr><th scope="row">東協</th><td><span data-pagefind-ignore>香港用法：</span>东盟</td>' +
        '<td><span lang="en">ASEAN</span></td><td></td></tr><tr><td>已有句號。</td><td>乙</td></tr></table>' +
        '<ul><li><span class="name">經濟領袖會議</span><span lang="en">AELM</span><span>每年一次</span></li></ul>' +
        '<p>主權爭議。\u2060<sup><a href="#f" data-footnote-ref="">2</a></sup></p><p>問句？</p>' +
        '<h2 id="h">標題<a class="heading-anchor" href="#h"></a></h2>',
    );
    expect(blocks).toContain('<th scope="row">東協，</th>');
    expect(blocks).toContain('东盟，</td><td><span lang="en">ASEAN。</span></td><td></td></tr>');
    expect(blocks).toContain('<td>已有句號。</td><td>乙。</td>');
    expect(blocks).toContain(
      '<span class="name">經濟領袖會議</span> <span lang="en">AELM</span> <span>每年一次。</span></li>',
    );
    expect(blocks).toContain('<p>主權爭議。</p><p>問句？</p>');
    expect(blocks).toContain('<h2 id="h">標題<a');
  });
});

describe('searchableHtml: table rows', () => {
  const table =
    '<table><thead><tr><th scope="col">年份</th><th scope="col">主辦成員與城市</th><th scope="col">英文主題</th><th scope="col">來源</th></tr></thead>' +
    '<tbody><tr><th scope="row">2017</th><td>越南 峴港</td><td><span lang="en">Shared Future</span></td>' +
    '<td><details class="source-disclosure" data-pagefind-ignore><summary>來源（1）</summary><ul><li>APEC</li></ul></details></td></tr>' +
    '<tr><th scope="row">2018</th><td><span class="cell-label" data-pagefind-ignore>主辦：</span>巴紐</td><td></td><td></td></tr></tbody></table>';
  const out = searchableHtml(table);

  it("puts the column's header before each cell holding Chinese, and ends the row after its last indexed cell", () => {
    expect(out).toContain('<td>主辦成員與城市：越南 峴港，</td>');
    expect(out).toContain('Shared Future。</span></td><td><details');
    // (A year, an English title and a sources disclosure say nothing a label would add.)
    expect(out).toContain('<th scope="row">2017，</th>');
    expect(out).not.toContain('來源：');
    // A cell labelled for phones keeps its own label.
    expect(out).toContain('<span class="cell-label" data-pagefind-ignore>主辦：</span>巴紐');
    expect(out).not.toContain('主辦成員與城市：<span class="cell-label"');
  });
});

describe('questions', () => {
  it('cuts question words and particles in both scripts', () => {
    expect(questionPieces('apec什麼時候成立')).toEqual({ pieces: ['apec', '成立'], cut: true });
    expect(questionPieces('亚太经合组织是什么时候成立的')).toEqual({ pieces: ['亚太经合组织', '成立'], cut: true });
    expect(questionPieces('秘書處在哪裡').pieces).toEqual(['秘書處']);
    expect(questionPieces('有什麼不同').pieces).toEqual(['不同']);
    // How often: the pages say 每年 (「每年舉行一次」), so the question asks for that word;
    // how often a meeting is held, for 每年 and the verb (開會, or as pages write it, 舉行).
    expect(questionPieces('多久開一次會').pieces).toEqual(['每年開會']);
    expect(questionPieces('多久一次').pieces).toEqual(['每年']);
    const meeting = parseQuery('APEC 多久開一次會');
    expect(meeting.terms.map((term) => term.text)).toEqual(['apec', '每年', '開會']);
    // Typed together: 每年開會 (the subject before the how-often phrase is not).
    expect(meeting.reading).toBe('apec /每年開會');
    expect(parseQuery('APEC 為什麼叫經濟體').asks).toBe('why');
    expect(parseQuery('APEC 怎麼做決定').asks).toBe('how');
    // How many, how long … ask a number, not a manner.
    expect(parseQuery('how does apec make decisions').asks).toBe('how');
    expect(parseQuery('how many members does apec have').asks).toBeUndefined();
    expect(parseQuery('how often do apec leaders meet').asks).toBeUndefined();
    expect(questionPieces('资深官员会议一年开几次').pieces).toEqual(['资深官员会议', '每年']);
    expect(questionPieces('坎培拉')).toEqual({ pieces: ['坎培拉'], cut: false });
    // Which city, which country, what year: the kind of answer, not a word it holds; then, I heard: fillers.
    expect(questionPieces('第一次開會在哪個城市').pieces).toEqual(['第一次開會']);
    expect(parseQuery('which city hosted apec in 2017').terms.map((term) => term.text)).toEqual([
      'hosted',
      'apec',
      '2017',
    ]);
    expect(parseQuery('which city hosted apec in 2017').wants).toBe('place');
    expect(parseQuery('然後秘書處在哪裡').terms.map((term) => term.text)).toEqual(['秘書處']);
    // 那 typed for 哪 (one sound): still a question, asking a place or a year.
    expect(questionPieces('秘書處在那裡').pieces).toEqual(['秘書處']);
    expect(parseQuery('秘書處在那裡').wants).toBe('place');
    expect(parseQuery('apec 是在那一年成立').wants).toBe('date');
    // Years named from the reader's own are the years the pages write, by the reader's clock.
    expect(withYears('今年apec在哪裡', 2026)).toBe('2026 年 apec在哪裡');
    expect(withYears('去年同明年', 2030)).toBe('2029 年 同 2031 年');
    expect(parseQuery('APEC this year', undefined, false, 2027).terms.map((term) => term.text)).toEqual([
      'apec',
      '2027',
      '年',
    ]);
    expect(parseQuery('今年 APEC 在哪裡').normalized).toBe('今年 apec 在哪裡');
    // A-not-A asks yes or no in any variety: the verb stays, alone (optional), the negation goes.
    expect(questionPieces('APEC 會唔會投票').pieces).toEqual(['APEC', '會', '投票']);
    expect(questionPieces('開會掛不掛國旗')).toEqual({ pieces: ['開會', '掛', '國旗'], cut: true });
    expect(questionPieces('APEC啲成員有邊啲').pieces).toEqual(['APEC啲成員']);
    // Colloquial 啥 and 咋 (什麼, 怎麼), both sides of the strait.
    expect(questionPieces('apec啥時候成立').pieces).toEqual(['apec', '成立']);
    expect(parseQuery('APEC啥時候成立').wants).toBe('date');
    expect(parseQuery('為啥APEC叫經濟體').asks).toBe('why');
    expect(parseQuery('apec咋運作').asks).toBe('how');
    // Cantonese: 邊一年 (which year), 幾多 (how many), 而家 (now) and 佢哋 (they) say nothing of the subject.
    expect(parseQuery('APEC邊一年成立').wants).toBe('date');
    expect(parseQuery('APEC而家有幾多個成員').wants).toBe('number');
    expect(parseQuery('APEC而家有幾多個成員').terms.map((term) => term.text)).toEqual(['apec', '成員']);
    expect(contentWords('佢哋自己還是要申請').required).toEqual(['申請']);
  });
  it('splits the rest into content words; lone characters are optional', () => {
    expect(contentWords('名稱參加apec')).toEqual({ required: ['名稱', '參加', 'apec'], optional: [] });
    expect(contentWords('年願景')).toEqual({ required: ['願景'], optional: ['年'] });
    // Runs of single characters the segmenter does not know stay one word.
    expect(contentWords('堪培拉').required).toEqual(['堪培拉']);
    // A dictionary word no page may hold (主辦國) matches loosely by its first two characters.
    expect(contentWords('主辦國')).toEqual({ required: ['主辦國'], optional: [] });
    expect(parseQuery('主辦國').terms[0]?.words).toEqual([['主辦']]);
    expect(parseQuery('主辦國').terms[0]?.optional).toEqual([['國']]);
  });
  it('marks a query as a question, and each content word as a term of its own', () => {
    const parsed = parseQuery('台灣以什麼名稱參加APEC？');
    expect(parsed.question).toBe(true);
    expect(parsed.terms.map((term) => term.text)).toEqual(['台灣', '以', '名稱', '參加', 'apec']);
    expect(parsed.terms.filter((term) => term.weak).map((term) => term.text)).toEqual(['以']);
    expect(parseQuery('坎培拉 火星').question).toBe(false);
    expect(parseQuery('秘書處設在').terms.map((term) => term.text)).toEqual(['秘書處設在']);
  });
  it('leaves out English words that carry no content; a question word makes a question', () => {
    const english = parseQuery('What does APEC stand for?');
    expect(english.terms.map((term) => term.text)).toEqual(['apec']);
    expect(english.question).toBe(true);
    expect(parseQuery('the history of apec').terms.map((term) => term.text)).toEqual(['history', 'apec']);
    expect(parseQuery('the history of apec').question).toBe(false);
    // A possessive is the name's, typed either way.
    expect(parseQuery("the Secretariat's budget").terms.map((term) => term.text)).toEqual(['secretariat', 'budget']);
    expect(parseQuery('the Secretariat’s budget').terms.map((term) => term.text)).toEqual(['secretariat', 'budget']);
  });
  it('knows the kind of answer a question asks for, in both scripts and English', () => {
    const wants = (q: string) => parseQuery(q).wants;
    expect(wants('秘書處在哪裡')).toBe('place');
    expect(wants('第一次會議在哪個城市舉行')).toBe('place');
    expect(wants('APEC 哪一年成立')).toBe('date');
    expect(wants('亚太经合组织什么时候成立')).toBe('date');
    expect(wants('執行長是誰')).toBe('person');
    expect(wants('哪位總理提議')).toBe('person');
    expect(wants('APEC 有多少成員')).toBe('number');
    expect(wants('有幾個委員會')).toBe('number');
    expect(wants('where is the secretariat')).toBe('place');
    // (English asks at the start: 「when members cannot agree」 is a clause, not a question of date.)
    expect(wants('When was APEC founded')).toBe('date');
    expect(wants('Can the WTO vote when members cannot agree')).toBeUndefined();
    // Hong Kong (Cantonese) question words, cut from the query like the others.
    expect(wants('APEC幾時成立')).toBe('date');
    expect(wants('邊個提出成立APEC')).toBe('person');
    expect(wants('APEC總部喺邊度')).toBe('place');
    expect(questionPieces('香港係咪APEC成員').pieces).toEqual(['香港', 'APEC成員']);
    expect(wants('秘書處')).toBeUndefined();
  });
  it('reads a query that is not a question as one too, for when the site does not hold it as typed', () => {
    const parsed = parseQuery('我想知道開放性區域主義的意思');
    expect(parsed.question).toBe(false);
    expect(parsed.fallback?.question).toBe(true);
    expect(parsed.fallback?.terms.length).toBeGreaterThan(1);
  });
});

const page = (url: string, title: string, sections: [string, string][], intro = '摘要。'): PageText => {
  const content = [title, intro, ...sections.flatMap(([heading, body]) => [heading, body])].join('. ');
  return {
    url,
    title,
    content,
    anchors: sections.map(([heading]) => ({ element: 'h2', id: heading, text: heading })),
  };
};

describe('rank', () => {
  const explaining = page('/structure/', '組織架構', [
    ['資深官員會議', '資深官員會議由各成員的資深官員組成，每年開會 3 至 4 次。'],
    ['工作小組', '各委員會之下有工作小組。'],
  ]);
  const glossary = page('/glossary/', '詞彙對照', [['APEC 機構', '資深官員會議 高官會 工作小組 秘書處 新加坡。']]);
  const other = page('/secretariat/', '秘書處', [['秘書處的設立', '秘書處設在新加坡，資深官員會議也提到。']]);
  const inputs = [glossary, other, explaining].map((p) => ({
    page: p,
    pagefind: 0,
    reference: p === glossary,
  }));

  it('puts the page whose heading is the query first, a reference page below the page that explains', () => {
    const { ranked, partial } = rank(parseQuery('資深官員會議'), inputs);
    expect(partial).toBe(false);
    expect(ranked.map((entry) => entry.page.url)).toEqual(['/structure/', '/secretariat/', '/glossary/']);
    expect(sectionsOf(explaining)[ranked[0]!.bestSection]?.title).toBe('資深官員會議');
  });
  it('shows partial matches, labelled, only when no page has every word', () => {
    const both = rank(parseQuery('工作小組 新加坡'), inputs);
    expect(both.partial).toBe(false);
    expect(both.ranked.map((entry) => entry.page.url)).toEqual(['/glossary/']);
    const none = rank(parseQuery('工作小組 設在'), [inputs[1]!, inputs[2]!]);
    expect(none.partial).toBe(true);
    expect(none.ranked.length).toBe(2);
  });
  it('leaves out pages with only scattered words of a term that other pages hold as typed', () => {
    const scattered = page('/operation/', '運作方式', [['小組與會議', '各工作由小組負責，會議定期舉行。']]);
    const all = [...inputs, { page: scattered, pagefind: 0, reference: false }];
    // 工作小組 as typed on /structure/ and /glossary/: /operation/ has 工作 … 小組 apart.
    expect(rank(parseQuery('工作小組'), all).ranked.map((entry) => entry.page.url)).toEqual([
      '/structure/',
      '/glossary/',
    ]);
    // No page holds 會議小組 as typed: the scattered matches are all there is.
    expect(rank(parseQuery('會議小組'), all).ranked.map((entry) => entry.page.url)).toContain('/operation/');
  });
  it('in a question, puts first the page with the words typed together, and a heading asking the same why', () => {
    const founding = page('/founding/', '成立與背景', [
      ['12 個創始成員', '1989 年的 12 個創始成員包括澳洲、汶萊與日本。'],
      ['霍克的演說', '霍克提議成立新的經濟論壇。'],
    ]);
    const members = page('/members/', '成員經濟體', [
      ['成員一覽', '下表列出成員經濟體，創始的 12 個成員以圓點標示；創始成員之外的成員分批加入。成員的名稱各有不同。'],
      ['為何稱為「經濟體」', '加入的條件是構成一個獨立的經濟體，而不是主權國家。'],
    ]);
    const overview = page('/overview/', '概覽', [
      ['成員', 'APEC 稱成員為「經濟體」而不是「國家」，成員經濟體共 21 個。'],
    ]);
    const inputs = [founding, members, overview].map((p) => ({ page: p, pagefind: 0, reference: false }));
    const first = (q: string) => rank(parseQuery(q), inputs).ranked[0]?.page.url;
    expect(first('哪些經濟體是創始成員')).toBe('/founding/');
    expect(first('為什麼叫經濟體不叫國家')).toBe('/members/');
  });
  it('is never empty when a word of the query is on the site, and gives nothing when none is', () => {
    for (const q of ['工作小組 火星', '工作小組在火星嗎', '我想知道工作小組的意思']) {
      const outcome = rank(parseQuery(q), inputs);
      expect(outcome.partial, q).toBe(true);
      expect(outcome.ranked[0]?.page.url, q).toBe('/structure/');
    }
    expect(rank(parseQuery('火星'), inputs).ranked).toEqual([]);
    expect(rank(parseQuery('火星是什麼'), inputs).ranked).toEqual([]);
  });
  it('reads a term no page holds as typed as its words, each for itself (the title counts again)', () => {
    const aims = page('/aims/', '宗旨與目標', [['四項目標', 'APEC 的四項目標。']], 'APEC 成立時訂下宗旨。');
    const overview = page('/overview/', '概述', [
      ['宗旨一覽', 'APEC 是論壇。APEC 的宗旨有四項，APEC 宗旨之外還有目標，APEC 的宗旨常被引用。'],
    ]);
    const both = [aims, overview].map((p) => ({ page: p, pagefind: 0, reference: false }));
    const outcome = rank(parseQuery('APEC的宗旨'), both);
    expect(outcome.partial).toBe(false);
    expect(outcome.ranked.map((entry) => entry.page.url)).toEqual(['/aims/', '/overview/']);
    // A lone character or digit says nothing by itself (「<script>alert(1)</script>」).
    expect(rank(parseQuery('<script>alert(4)</script>'), inputs).ranked).toEqual([]);
  });
  it('sorts every kind of query by its score, the weighted sum of named features', () => {
    for (const q of ['資深官員會議', '工作小組 新加坡', '資深官員會議一年開幾次', '火星 秘書處']) {
      const { ranked } = rank(parseQuery(q), inputs);
      expect(ranked.length, q).toBeGreaterThan(0);
      for (const entry of ranked) {
        const sum = (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).reduce(
          (total, name) => total + WEIGHTS[name] * entry.features[name],
          0,
        );
        // (A reference page the query does not name counts for less: a factor under 1.)
        expect(entry.score).toBeLessThanOrEqual(sum + 1e-9);
        expect(entry.score).toBeGreaterThan(0);
      }
      expect(ranked.map((entry) => entry.score)).toEqual([...ranked.map((entry) => entry.score)].sort((a, b) => b - a));
    }
  });
  it('puts first the page the glossary names as explaining a term (its `page`)', () => {
    const card = { tw: '共識決', alt: [], hk: [], cn: [], section: '共識決' };
    const data: SearchData = {
      v: 1,
      f: {},
      g: [],
      k: {},
      w: [],
      a: { c: [{ u: '/operation/#共識決', t: card, s: card }], k: { 共識決: 0 } },
    };
    const mentions = page('/faq/', '常見問題', [['APEC 怎麼做決定？', '以共識決做決定，共識決也用於選主辦成員。']]);
    const explains = page('/operation/', '運作方式', [['做決定的方式', '成員以共識決做決定。']]);
    const both = [mentions, explains].map((p) => ({ page: p, pagefind: 0, reference: false }));
    expect(parseQuery('共識決', data).terms[0]?.explainedAt).toBe('/operation/');
    expect(rank(parseQuery('共識決', data), both).ranked[0]?.page.url).toBe('/operation/');
    expect(rank(parseQuery('共識決'), both).ranked[0]?.page.url).toBe('/faq/');
    // A heading elsewhere that is exactly the term is a section mentioning it: the explaining page leads.
    const list = page('/members/', '成員', [['共識決', '成員以共識決加入，共識決也用於其他事。']]);
    const withList = [list, explains].map((p) => ({ page: p, pagefind: 0, reference: false }));
    expect(rank(parseQuery('共識決', data), withList).ranked[0]?.page.url).toBe('/operation/');
    expect(rank(parseQuery('共識決'), withList).ranked[0]?.page.url).toBe('/members/');
  });
  it("does not take a listing page's subsection heading (a kind of source) for the topic", () => {
    const sources: PageText = {
      url: '/references/',
      title: '參考資料',
      content: '參考資料. 摘要。. 來源清單. 依類別列出。. 政府與國際組織. 世界貿易組織是國際組織，APEC 的來源。',
      anchors: [
        { element: 'h2', id: '來源清單', text: '來源清單' },
        { element: 'h3', id: '政府與國際組織', text: '政府與國際組織' },
      ],
    };
    const explains = page('/overview/', '概述', [['論壇而非條約組織', 'APEC 不是依條約成立的國際組織，而是論壇。']]);
    const both = [
      { page: sources, pagefind: 0, reference: true },
      { page: explains, pagefind: 0, reference: false },
    ];
    expect(rank(parseQuery('APEC 是國際組織嗎'), both).ranked.map((entry) => entry.page.url)).toEqual([
      '/overview/',
      '/references/',
    ]);
  });
  it('points at the table row holding the words, not the row before it', () => {
    const rows = page('/meetings/', '歷屆會議', [
      [
        '一覽',
        '年份：2016，主辦成員與城市：秘魯 利馬。年份：2017，主辦成員與城市：越南 峴港。年份：2018，主辦成員與城市：巴紐。',
      ],
    ]);
    const { ranked } = rank(parseQuery('峴港是哪一年主辦'), [{ page: rows, pagefind: 0, reference: false }]);
    expect(rows.content.slice(ranked[0]!.answerAt)).toMatch(/^年份：2017/);
  });
  it('puts first the passage holding the kind of answer asked for, and points at its sentence', () => {
    const about = page('/about/', '組織', [['秘書處的工作', '秘書處協助主辦成員，管理計畫與預算。秘書處也出版報告。']]);
    const answering = page('/history/', '歷史', [
      ['秘書處的設立', '1992 年的部長級會議談到很多事。決定設立秘書處，把秘書處設在新加坡。'],
    ]);
    const both = [about, answering].map((p) => ({ page: p, pagefind: 0, reference: false }));
    const { ranked } = rank(parseQuery('秘書處在哪裡'), both);
    expect(ranked[0]?.page.url).toBe('/history/');
    expect(ranked[0]?.features.answer).toBeGreaterThan(0);
    expect(answering.content.slice(ranked[0]!.answerAt)).toMatch(/^決定設立秘書處/);
  });
  it('reads a name no page holds, one character mistyped, as that name, and says so', () => {
    const card = { tw: '資深官員會議', alt: [], hk: ['高官會'], cn: [], section: '資深官員會議' };
    const data: SearchData = {
      v: 1,
      f: {},
      g: [['資深官員會議', '高官會']],
      k: { 資深官員會議: 0, 高官會: 0 },
      w: [],
      a: { c: [{ u: '/structure/#資深官員會議', t: card, s: card }], k: { 資深官員會議: 0, 高官會: 0 } },
    };
    expect(typoFix('資深官元會議', data)).toBe('資深官員會議');
    expect(typoFix('資深官員會議', data)).toBeUndefined();
    // Any of its names, three characters or more; not two characters off, nor a two-character word.
    expect(typoFix('高管會', data)).toBe('資深官員會議');
    expect(typoFix('資深管元會議', data)).toBeUndefined();
    expect(typoFix('官會', data)).toBeUndefined();
    for (const q of ['資深官元會議', '資深官元會議一年開幾次', '請問資深官元會議的任務']) {
      const outcome = rank(parseQuery(q, data), inputs);
      expect(outcome.ranked[0]?.page.url, q).toBe('/structure/');
      expect(outcome.fixed, q).toEqual([{ typed: '資深官元會議', name: '資深官員會議' }]);
    }
    // A word a page holds as typed is no typo, however close to a name.
    const held = page('/other/', '其他', [['小節', '資深官元會議是虛構的會議。']]);
    const withHeld = [...inputs, { page: held, pagefind: 0, reference: false }];
    expect(rank(parseQuery('資深官元會議', data), withHeld).ranked[0]?.page.url).toBe('/other/');
    expect(rank(parseQuery('資深官元會議', data), withHeld).fixed).toBeUndefined();
  });
  it('puts first the page holding the words within a short stretch (one list entry), not spread over a page', () => {
    // /aims/ has every word, more often, in a shorter section; only its 北京 is far from the rest.
    const spread = page('/aims/', '宗旨', [
      ['計畫', `領袖會議通過藍圖。${'成員每年檢視藍圖進度，並提出報告。'.repeat(3)}領袖會議再次通過藍圖。`],
      ['會址', `${'各成員輪流主辦。'.repeat(16)}秘書處不在北京。`],
    ]);
    const earlier = Array.from({ length: 5 }, (_, i) => `${2000 + i} 年領袖會議。主辦：某成員；地點：某城市。`);
    const entries = page('/timeline/', '大事年表', [
      ['2000–2019', `${earlier.join('')}2014 年領袖會議。主辦：中國；地點：北京。通過路線圖與藍圖。`],
    ]);
    const both = [spread, entries].map((p) => ({ page: p, pagefind: 0, reference: false }));
    const { ranked } = rank(parseQuery('北京領袖會議通過了什麼藍圖'), both);
    expect(ranked.map((entry) => entry.page.url)).toEqual(['/timeline/', '/aims/']);
    expect(ranked[0]?.features.near).toBeCloseTo(1, 5);
    expect(ranked[1]?.features.near).toBeLessThan(0.9);
  });
  describe("on a site where the query's name is on every page and in most sections", () => {
    // APEC is everywhere (as on the real site); 成員 too, but the members page is about it.
    const card = { tw: 'APEC', alt: [], hk: [], cn: [], section: '名稱' };
    // (The reader word 開會 finds the pages' meeting words, as src/data/reader-words.yaml says.)
    const data: SearchData = {
      v: 1,
      f: {},
      g: [['舉行', '召開', '開會', '會議']],
      k: { 開會: 0 },
      w: [],
      a: { c: [{ u: '/overview/#名稱', t: card, s: card }], k: { apec: 0 } },
    };
    const overview = page('/overview/', '概述', [
      ['名稱', 'APEC 是論壇，APEC 的名稱有多種，也用在會議上。'],
      ['APEC 的份量', 'APEC 的 21 個成員合計占世界人口約四成，APEC 的貿易量也大。'],
      ['21 個成員經濟體', 'APEC 有 21 個成員。'],
    ]);
    const members = page('/members/', '成員經濟體', [
      ['成員一覽', 'APEC 現有 21 個成員，下表列出每個成員與加入年份。'],
      ['成員擴大', 'APEC 成員由 12 個增加到 21 個，新成員在會議上獲准加入。'],
    ]);
    const structure = page('/structure/', '組織架構', [
      ['經濟領袖會議', 'APEC 的經濟領袖會議每年舉行一次，由成員輪流主辦。'],
      ['部長級年會', 'APEC 的部長級年會每年舉行，在領袖會議之前。'],
      ['資深官員會議', 'APEC 的資深官員會議每年開會 4 至 5 次。'],
    ]);
    const secretariat = page('/secretariat/', '秘書處', [
      ['秘書處', 'APEC 秘書處設在新加坡，服務各成員。'],
      ['企業諮詢委員會', 'APEC 企業諮詢委員會每年開會四次，每個成員派三人。'],
    ]);
    const meetings = page('/meetings/', '歷屆會議', [
      ['歷屆會議一覽', 'APEC 每年由一個成員主辦會議，下表列出 1989 年至今的會議。'],
      ['2026 年深圳會議', '2026 年的 APEC 會議在深圳舉行，由中國主辦，各成員出席。'],
    ]);
    const taiwan = page('/taiwan/', '臺灣的參與', [
      ['重要年份', '2026 年臺灣仍以中華臺北名義參與 APEC，出席各成員會議。'],
      ['會議', 'APEC 的會議在上海舉行過，臺灣是成員。'],
    ]);
    const site = [overview, members, structure, secretariat, meetings, taiwan].map((p) => ({
      page: p,
      pagefind: 0,
      reference: p === meetings,
    }));
    const order = (q: string, with_ = data) => rank(parseQuery(q, with_), site).ranked.map((entry) => entry.page.url);

    it('weighs words by rarity over sections: the page whose title names the other word comes first', () => {
      // (Not the page explaining APEC, nor the one with APEC in one heading and 成員 in another.)
      expect(order('APEC有幾個成員？')[0]).toBe('/members/');
      expect(order('APEC 有哪些成員')[0]).toBe('/members/');
    });
    it('counts words typed together when one of them says something (每年 next to 開會)', () => {
      const { ranked } = rank(parseQuery('APEC 多久開一次會', data), site);
      const together = (url: string) => ranked.find((entry) => entry.page.url === url)?.features.together ?? 0;
      // (Meeting words are on every page; 每年 is not.) /structure/ has them together three times.
      expect(together('/structure/')).toBeGreaterThan(together('/secretariat/'));
      expect(together('/secretariat/')).toBeGreaterThan(0);
      expect(ranked[0]?.page.url).toBe('/structure/');
    });
    it('in a question, lifts a reference page whose heading states its words; a topic named stays below', () => {
      expect(order('2026 年 APEC 在哪裡舉行')[0]).toBe('/meetings/');
      expect(order('主辦')[0]).not.toBe('/meetings/');
    });
  });
  describe('English questions, words of everyday speech, answers and names (issue #21, second round)', () => {
    const card = (tw: string) => ({ tw, alt: [], hk: [], cn: [], section: '組織' });
    // Reader words, as src/data/reader-words.yaml makes them: keyed by the reader's words only.
    const data: SearchData = {
      v: 1,
      f: {},
      g: [
        ['決策', '決定'],
        ['主辦'],
        ['東協', '東盟', 'asean'],
        ['APEC'],
        ['資深官員會議', '高官會'],
        ['參考資料', '來源'],
      ],
      k: {
        decision: 0,
        host: 1,
        東協: 2,
        東盟: 2,
        asean: 2,
        apec: 3,
        資深官員會議: 4,
        高官會: 4,
        出處: 5,
        資料來源: 5,
      },
      // (The glossary's names: 東協 is one, in two regions' forms; 出處 and 資料來源 are reader words.)
      a: { c: [{ u: '/glossary/#term-asean', t: card('東協'), s: card('东协') }], k: { 東協: 0, 東盟: 0, asean: 0 } },
      w: [],
      n: { place: ['布雷克島', '新加坡'], person: ['霍克'] },
    };
    const operation = page('/operation/', '運作方式', [['共識決', 'APEC 的決策以共識為準，沒有成員反對才做決定。']]);
    const meetings = page('/meetings/', '歷屆會議', [
      ['會議一覽', 'APEC 每年開會。2005 年主題「Make the Change」。'],
      ['1993 年', '1993 年 APEC 首屆領袖會議，地點是布雷克島。'],
    ]);
    const glossary = page('/glossary/', '詞彙對照', [['組織', 'APEC 東協 東盟 ASEAN 資深官員會議 高官會，都是組織。']]);
    const structure = page('/structure/', '組織架構', [['資深官員會議', 'APEC 的資深官員會議每年開會。東協也派人。']]);
    const site = [operation, meetings, glossary, structure].map((p) => ({
      page: p,
      pagefind: 0,
      reference: p === glossary || p === meetings,
    }));
    const first = (q: string) => rank(parseQuery(q, data), site).ranked[0]?.page.url;

    it('finds reader words inflected otherwise (stems): decisions → decision, hosted → host', () => {
      expect(parseQuery('decisions', data).terms[0]?.alternatives).toContain('決策');
      expect(parseQuery('hosted', data).terms[0]?.alternatives).toContain('主辦');
      expect(parseQuery('hosting', data).terms[0]?.alternatives).toContain('主辦');
    });
    it('in a question, lets an English word the site knows no name for (make) decide nothing', () => {
      const parsed = parseQuery('How does APEC make decisions', data);
      expect(parsed.terms.filter((term) => term.loose).map((term) => term.text)).toEqual(['make']);
      expect(first('How does APEC make decisions')).toBe('/operation/');
      // … but when it is the only word of the query on the site, it still finds its page.
      expect(first('how to make it')).toBe('/meetings/');
      expect(rank(parseQuery('how to make it', data), site).partial).toBe(false);
    });
    it('drops words of everyday speech (這個, 到底, 全部) from the content words', () => {
      expect(contentWords('這個網站的資料').required).toEqual(['網站', '資料']);
      expect(contentWords('一年到底開會').required).toEqual(['一年', '開會']);
      expect(contentWords('全部成員的名單').required).toEqual(['成員', '名單']);
      expect(contentWords('我想知道成員').required).toEqual(['成員']);
    });
    it("takes a place or person the site names (its glossary's places and people) as that kind of answer", () => {
      const parsed = parseQuery('首屆領袖會議在哪裡', data);
      expect(parsed.wants).toBe('place');
      expect(parsed.answerNames).toContain('布雷克島');
      const entry = rank(parsed, site).ranked.find((hit) => hit.page.url === '/meetings/');
      expect(entry?.features.answer).toBeGreaterThan(0);
      // (Without the names, 「地點是布雷克島」 is no pattern of a place.)
      const without = rank(parseQuery('首屆領袖會議在哪裡'), site).ranked.find((hit) => hit.page.url === '/meetings/');
      expect(without?.features.answer).toBe(0);
    });
    it('ranks a reference page first when no other page holds as many of the words', () => {
      // Only the list holds 1993 with 領袖會議; the page about the body holds 領袖會議 alone.
      const list = page('/list/', '會議', [['一覽', '1993 年的領袖會議在西雅圖舉行。1994 年的在茂物舉行。']]);
      const body = page('/body/', '領袖會議', [['領袖會議', '領袖會議始於 1993 年，領袖會議由主辦成員召集。']]);
      const both = [
        { page: list, pagefind: 0, reference: true },
        { page: body, pagefind: 0, reference: false },
      ];
      expect(rank(parseQuery('1993 年的領袖會議在哪裡舉行', data), both).ranked[0]?.page.url).toBe('/list/');
      // A topic named, which the explaining page holds as fully, stays below it.
      expect(rank(parseQuery('領袖會議', data), both).ranked[0]?.page.url).toBe('/body/');
    });
    it("finds a name across the other regions' name the page gives at first mention: 東協（東盟）秘書處", () => {
      const members = page('/members/', '成員經濟體', [['觀察員', 'APEC 有三個觀察員：東協（東盟）秘書處與 PECC。']]);
      const found = matchTerm(members, parseQuery('東協秘書處', data).terms[0]!);
      expect(found.strength).toBe(1);
      expect(members.content.slice(found.positions[0])).toMatch(/^東協（東盟）秘書處/u);
      // (The span is marked in the snippet.)
      expect(found.needles).toContain('東協（東盟）秘書處');
      // (Not across a sentence, nor a long parenthesis.)
      const apart = page('/x/', '其他', [['甲', '東協（這是一段超過十六個字的很長很長很長很長的說明文字）秘書處。']]);
      expect(matchTerm(apart, parseQuery('東協秘書處', data).terms[0]!).strength).toBeLessThan(1);
    });
    it('splits a run of characters the segmenter does not know at the names it holds: 年悉尼 is 年 and 悉尼', () => {
      const withSydney: SearchData = {
        ...data,
        g: [...data.g, ['雪梨', '悉尼']],
        k: { ...data.k, 悉尼: data.g.length },
      };
      expect(contentWords('年悉尼會議', withSydney).required).toContain('悉尼');
      expect(parseQuery('東盟同東協係咪同一個組織', data).terms.map((term) => term.text)).toEqual(
        expect.arrayContaining(['東盟', '東協']),
      );
    });
    it('trims 的 and 嗎 from the ends of any term, not 其 of 其他', () => {
      expect(parseQuery('APEC 的決策方式', data).terms.map((term) => term.text)).toEqual(['apec', '決策方式']);
      expect(questionPieces('其他國家要怎麼加入').pieces).toEqual(['其他國家要', '加入']);
    });
    it('takes a heading that is exactly a name of the query as naming it, not one that is a common word', () => {
      // The glossary's category heading 組織 is no name of 「APEC 是什麼組織」.
      const named = rank(parseQuery('APEC 是什麼組織', data), site).ranked.find((hit) => hit.page.url === '/glossary/');
      expect(named?.features.namedHeading).toBe(0);
    });
    it('in a question, keeps the glossary below the page that tells what happened, even holding every word', () => {
      // The glossary holds every name and the list's words; the timeline holds the event.
      const names = page('/glossary/', '詞彙對照', [['文件', '釜山路線圖：2005 年提出的路線圖。']]);
      const timeline = page('/timeline/', '大事年表', [['2005 年', '2005 年在釜山提出釜山路線圖。']]);
      const both = [
        { page: names, pagefind: 0, reference: true },
        { page: timeline, pagefind: 0, reference: true },
      ];
      expect(rank(parseQuery('釜山路線圖是哪一年提出的', data), both).ranked[0]?.page.url).toBe('/timeline/');
    });
    it('sends a question about what a thing is called, or about two of its names, to the glossary', () => {
      expect(parseQuery('資深官員會議在大陸叫什麼', data).asksName).toBe(true);
      expect(parseQuery('東協跟東盟是同一個嗎', data).asksName).toBe(true);
      expect(parseQuery('資深官員會議是什麼', data).asksName).toBe(false);
      // A place's usage named, in any query; but why a thing is called so is asked of the page explaining it.
      expect(parseQuery('資深官員會議在大陸的名稱', data).asksName).toBe(true);
      expect(parseQuery('東協的香港寫法', data).asksName).toBe(true);
      expect(parseQuery('高官會喺台灣叫咩名', data).asksName).toBe(true);
      expect(parseQuery('東協香港點寫', data).asksName).toBe(true);
      // In English: called, call, or written or said in Chinese or in a region; why it is called so is not.
      expect(parseQuery('What do people in Hong Kong call ASEAN', data).asksName).toBe(true);
      expect(parseQuery('How do you write Osaka Action Agenda in Chinese', data).asksName).toBe(true);
      expect(parseQuery('how are apec names written in taiwan', data).asksName).toBe(true);
      expect(parseQuery('Why are APEC members called economies', data).asksName).toBe(false);
      expect(parseQuery('Where was the Osaka Action Agenda written', data).asksName).toBe(false);
      // Two names of one glossary entry ask about names; two reader words of one meaning do not.
      expect(parseQuery('東協 東盟', data).asksName).toBe(true);
      expect(parseQuery('資料來源與出處', data, true).asksName).toBe(false);
      expect(parseQuery('台灣以什麼名稱參加', data).asksName).toBe(false);
      expect(parseQuery('為什麼大陸叫高官會，臺灣叫資深官員會議', data).asksName).toBe(false);
      expect(first('資深官員會議在大陸叫什麼')).toBe('/glossary/');
      expect(first('東協跟東盟是同一個嗎')).toBe('/glossary/');
      expect(first('資深官員會議是什麼')).toBe('/structure/');
    });
  });
  it("takes an FAQ entry whose question holds the query's words as the answer", () => {
    const faq = page('/faq/', '常見問題', [
      ['APEC 是國際組織嗎？', 'APEC 是論壇，不是條約組織。'],
      ['秘書處在哪裡？由誰領導？', '秘書處在新加坡，由執行長領導。'],
    ]);
    const { ranked } = rank(parseQuery('秘書處在哪裡'), [{ page: faq, pagefind: 0, reference: false }]);
    expect(ranked[0]?.answerEntry).toBe(true);
    expect(sectionsOf(faq)[ranked[0]!.bestSection]?.title).toBe('秘書處在哪裡？由誰領導？');
    const other = rank(parseQuery('國際組織'), [{ page: faq, pagefind: 0, reference: false }]);
    expect(sectionsOf(faq)[other.ranked[0]!.bestSection]?.title).toBe('APEC 是國際組織嗎？');
  });
});

describe('excerpt', () => {
  const text =
    '組織架構. 首屆 APEC 部長級會議於 1989 年 11 月 6 日至 7 日在澳洲首都坎培拉舉行，出席的是 12 個經濟體的外交與貿易部長，由澳洲外交部長加雷斯·埃文斯（Gareth Evans）擔任主席。會議開始前一晚，霍克設晚宴款待各代表團。因此有些資料把會期的起點算在 5 日。';
  const body = text.indexOf('首屆');

  it('starts at the sentence, ends at a sentence or clause end, marks every form', () => {
    const out = excerpt(text, text.indexOf('坎培拉'), ['坎培拉', '部長級會議'], body);
    expect(out.startsWith('…') || out.startsWith('首屆')).toBe(true);
    expect(out).toContain('<mark>坎培拉</mark>');
    expect(out).not.toContain('組織架構');
    expect(out.replace(/<\/?mark>/g, '').replace(/…$/, '')).toMatch(/[。，）]$|[\p{Script=Han}]$/u);
  });
  it('never cuts inside a number or a Latin word', () => {
    for (let at = body; at < text.length; at += 3) {
      const plain = excerpt(text, at, [], body).replace(/…/g, '');
      const start = text.indexOf(plain.slice(0, 8));
      const end = start + plain.length;
      expect(/[0-9A-Za-z]/.test(text[start - 1] ?? '') && /[0-9A-Za-z]/.test(text[start] ?? '')).toBe(false);
      expect(/[0-9A-Za-z]/.test(text[end - 1] ?? '') && /[0-9A-Za-z]/.test(text[end] ?? '')).toBe(false);
    }
  });
  it('stays about two lines long', () => {
    expect(excerpt(text, text.indexOf('霍克'), [], body).replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(80);
  });
});

describe('answer cards', () => {
  const card = {
    u: '/structure/#資深官員會議',
    t: { tw: '資深官員會議', alt: [], hk: ['高官會'], cn: ['高官會'], section: '資深官員會議' },
    s: { tw: '资深官员会议', alt: [], hk: ['高官会'], cn: ['高官会'], section: '资深官员会议' },
    en: "Senior Officials' Meeting",
    ab: 'SOM',
  };
  const keys: Record<string, number> = {};
  for (const form of ['資深官員會議', '资深官员会议', '高官會', '高官会', "Senior Officials' Meeting", 'SOM'])
    keys[cardKey(form)] = 0;
  const data: SearchData = { v: 1, f: {}, g: [], k: {}, w: [], a: { c: [card], k: keys } };

  it('finds the card for any form, with question words left out, and an English prefix', () => {
    for (const query of [
      '高官会',
      '資深官員會議',
      'som',
      'SOM 是什麼',
      'Senior Officials',
      "senior officials' meeting",
    ])
      expect(findCard(query, data), query).toBe(card);
    for (const query of ['高官', 'Sen', '資深官員會議 秘書處']) expect(findCard(query, data), query).toBeUndefined();
  });
});

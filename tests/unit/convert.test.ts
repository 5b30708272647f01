/** The Traditional (Taiwan) → Simplified (mainland) converter behind the /zh-hans/ edition. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createConverter,
  PHRASE_GUARD,
  rewriteHref,
  traditionalOnlyChars,
  type Converter,
} from '../../src/i18n/convert';
import { loadData } from '../../src/lib/data';

let convert: Converter;
const text = (s: string) => convert.text(s);
const html = (s: string, base = '/') => convert.html(s, { base, prefix: 'zh-hans/' });

beforeAll(() => {
  const data = loadData();
  convert = createConverter([...data.glossary, ...data.members]);
});

describe('OpenCC phrases (twp → cn)', () => {
  test('Taiwan words become mainland words', () => {
    expect(text('網路')).toBe('网络');
    expect(text('資訊')).toBe('信息');
    expect(text('軟體')).toBe('软件');
    expect(text('首度以視訊方式舉行')).toBe('首度以视频方式举行');
    expect(text('專案小組')).toBe('项目小组');
    expect(text('點選可以連到')).toBe('点击可以连到');
    expect(text('搜尋')).toBe('搜索');
    // No phrase mapping: the characters only. 品质 is fine in mainland usage.
    expect(text('品質')).toBe('品质');
  });

  test('the glossary decides where OpenCC is wrong for this site', () => {
    // OpenCC: 执行长 → 首席执行官; the glossary keeps the title (no mainland form in the sources).
    expect(text('秘書處執行長')).toBe('秘书处执行长');
    // OpenCC: 汶莱（文莱）; the glossary, then the duplicate collapses.
    expect(text('汶萊（文萊）主辦時')).toBe('文莱主办时');
  });

  test('PHRASE_GUARD words convert by characters, not by OpenCC’s software vocabulary', () => {
    expect(text('種子文件')).toBe('种子文件'); // not 文档
    expect(text('有一份資料指出')).toBe('有一份资料指出'); // not 数据
    expect(text('由各成員自願執行')).toBe('由各成员自愿执行'); // not 运行
    expect(text('區域性組織')).toBe('区域性组织'); // not 局部
    expect(text('核心原則與程序')).toBe('核心原则与程序'); // not 内核, 进程
    expect(text('建立一個亞太社群')).toBe('建立一个亚太社群'); // not 创建, 社区
    expect(text('新大樓啟用')).toBe('新大楼启用'); // not 激活
    expect(text('定期接受檢視')).toBe('定期接受检视'); // not 查看
    expect(text('回到頁首')).toBe('回到页首'); // not 页眉
    expect(text('改在線上舉行')).toBe('改在线上举行'); // not 改在在线举行
    expect(text('經濟指標')).toBe('经济指标'); // not 指针
    // Longer phrases of the OpenCC list still apply.
    expect(text('資料庫')).toBe('数据库');
    for (const word of PHRASE_GUARD) expect(traditionalOnlyChars(text(word)), word).toEqual([]);
  });

  test('a few mainland words OpenCC lacks', () => {
    expect(text('報導指出')).toBe('报道指出');
    expect(text('並透過行動計畫')).toBe('并通过行动计划');
    expect(text('主權國家的身分')).toBe('主权国家的身份');
    expect(text('網站導覽')).toBe('网站导航');
  });
});

describe('glossary names', () => {
  test('Taiwan forms become the mainland forms', () => {
    expect(text('紐西蘭')).toBe('新西兰');
    expect(text('資深官員會議')).toBe('高官会');
    expect(text('東協')).toBe('东盟');
    expect(text('坎培拉')).toBe('堪培拉');
    expect(text('柯林頓')).toBe('克林顿');
    // No mainland form in the sources: the Taiwan form, by characters.
    expect(text('澳洲總理霍克')).toBe('澳洲总理霍克');
    expect(text('印尼茂物')).toBe('印尼茂物');
    expect(text('巴布亞紐幾內亞')).toBe('巴布亚新几内亚');
    expect(text('經濟領袖會議')).toBe('领导人非正式会议');
    // Mainland usage, as the product owner asked: the glossary's cn form.
    expect(text('中華台北')).toBe('中国台北');
  });

  test('twAlt forms too, except those that name something else in running text', () => {
    expect(text('南韓')).toBe('韩国');
    expect(text('亞太經合會')).toBe('亚太经济合作组织');
    expect(text('APEC企業諮詢委員會')).toBe('工商咨询理事会');
    // DEFAULT_KEEP_ALT: a region, a former name, a full official name, an everyday word.
    expect(text('香港在 1991 年加入')).toBe('香港在 1991 年加入');
    expect(text('由於中國大陸反對')).toBe('由于中国大陆反对');
    expect(text('首爾舊稱漢城')).toBe('首尔旧称汉城');
    expect(text('即大韓民國')).toBe('即大韩民国');
    expect(text('以諮商與共識運作')).toBe('以咨商与共识运作');
  });

  test('longest match first; nothing replaced inside a longer glossary form', () => {
    expect(text('亞太經濟合作組織')).toBe('亚太经济合作组织'); // not …组织组织
    expect(text('東協秘書處')).toBe('东盟秘书处');
    expect(text('人力資源發展工作小組')).toBe('人力资源发展工作小组'); // not …专题工作组
    expect(text('工作小組')).toBe('专题工作组');
    expect(text('中國香港')).toBe('中国香港');
    expect(text('《漢城宣言》')).toBe('《汉城宣言》'); // a document title, not 首尔宣言
    expect(text('高官會經濟技術合作分委員會')).toBe('高官会经济技术合作分委员会');
  });

  test('a form is not matched across a word boundary', () => {
    expect(text('以共識決定')).toBe('以共识决定'); // 共識 + 決定, not 共識決 + 定
    expect(text('執行長期計畫')).toBe('执行长期计划');
    expect(text('共識決與自願承諾')).toBe('协商一致与自愿承诺');
  });

  test('a name quoted or introduced as a source’s name stays that name', () => {
    expect(text('台灣的政府與媒體通常寫作「亞太經濟合作（APEC）」')).toBe(
      '台湾的政府与媒体通常写作「亚太经济合作（APEC）」',
    );
    expect(text('以「亞太經濟合作會議」為條目名稱')).toBe('以「亚太经济合作会议」为条目名称');
    expect(text('當時以「香港」為名')).toBe('当时以「香港」为名');
    expect(text('台灣外交部稱之為執行長（中文維基百科寫作「執行主任」）。')).toBe(
      '台湾外交部称之为执行长（中文维基百科写作「执行主任」）。',
    );
    expect(text('台灣外交部稱「執行長」，中文維基百科作「執行主任」。')).toBe(
      '台湾外交部称「执行长」，中文维基百科作「执行主任」。',
    );
  });

  test('a space kept for Latin letters goes with them', () => {
    expect(text('企業界則透過 APEC 企業諮詢委員會向領袖提供意見')).toBe('企业界则通过工商咨询理事会向领袖提供意见');
    expect(text('決定設立 APEC 秘書處')).toBe('决定设立 APEC 秘书处');
  });
});

describe('regional forms in parentheses', () => {
  test('a parenthesised form equal to the replacement is dropped', () => {
    expect(text('資深官員會議（高官會）由各成員的資深官員組成')).toBe('高官会由各成员的资深官员组成');
    expect(text('日本與東協（東盟）表示歡迎')).toBe('日本与东盟表示欢迎');
    expect(text('東協（東盟）秘書處')).toBe('东盟秘书处');
    expect(text('紐西蘭（新西蘭）、菲律賓')).toBe('新西兰、菲律宾');
    expect(text('經濟領袖會議（領導人非正式會議）是')).toBe('领导人非正式会议是');
    expect(text('坎培拉(堪培拉)')).toBe('堪培拉');
    expect(text('中華台北（中國台北）')).toBe('中国台北');
  });

  test('with a 港陸稱 / 中國大陸稱 prefix and quotes', () => {
    expect(text('資深官員會議（港陸稱「高官會」）')).toBe('高官会');
    expect(text('例如東協（香港與中國大陸稱東盟）、資深官員會議（高官會）。')).toBe('例如东盟、高官会。');
    expect(text('以中華台北（Chinese Taipei；中國大陸稱「中國台北」）的名義')).toBe(
      '以中国台北（Chinese Taipei）的名义',
    );
    expect(text('APEC 企業諮詢委員會（ABAC；中國大陸稱「工商諮詢理事會」）是')).toBe('工商咨询理事会（ABAC）是');
  });

  test('a Hong Kong form of the same entry is dropped too', () => {
    expect(text('經濟領袖會議（領導人會議）')).toBe('领导人非正式会议');
  });

  test('other parentheses stay', () => {
    expect(text('首爾（漢城）')).toBe('首尔（汉城）'); // the former name, not a regional form
    expect(text('經濟領袖會議（2019 年取消）')).toBe('领导人非正式会议（2019 年取消）');
    expect(text('東協（ASEAN）')).toBe('东盟（ASEAN）');
    expect(text('2040 太子城願景（APEC Putrajaya Vision 2040；香港稱「2040 年布特拉加亞願景」）')).toBe(
      '2040 太子城愿景（APEC Putrajaya Vision 2040；香港称「2040 年布特拉加亚愿景」）',
    );
  });
});

describe('html()', () => {
  test('converts text and keeps the markup compact', () => {
    const input =
      '<h2 id="資深官員會議">資深官員會議</h2><p>資深官員會議（高官會）由<a href="/structure/#資深官員會議">各成員</a>組成。</p>';
    expect(html(input)).toBe(
      '<h2 id="資深官員會議">高官会</h2><p>高官会由<a href="/zh-hans/structure/#資深官員會議">各成员</a>组成。</p>',
    );
  });

  test('skips data-zh-keep, translate="no", <code>, <pre>, <script> and <style>', () => {
    expect(html('<p>見<span data-zh-keep>《漢城宣言》與東協</span>與東協</p>')).toBe(
      '<p>见<span data-zh-keep="" lang="zh-Hant-TW">《漢城宣言》與東協</span>与东盟</p>',
    );
    expect(html('<blockquote data-zh-keep lang="zh-Hant"><p>東協<em>資料</em></p></blockquote>')).toBe(
      '<blockquote data-zh-keep="" lang="zh-Hant"><p>東協<em>資料</em></p></blockquote>',
    );
    expect(html('<span translate="no">東協</span>')).toBe('<span translate="no" lang="zh-Hant-TW">東協</span>');
    expect(html('<p>用 <code>東協</code></p><pre><code>資料 &lt;東協&gt;</code></pre>')).toBe(
      '<p>用 <code>東協</code></p><pre><code>資料 &lt;東協></code></pre>',
    );
    expect(html('<script>const a = "東協 < 資料";</script><style>p::after{content:"東協"}</style>')).toBe(
      '<script>const a = "東協 < 資料";</script><style>p::after{content:"東協"}</style>',
    );
  });

  test('data-zh-literal converts characters only', () => {
    expect(html('<td data-zh-literal>紐西蘭、資料</td>')).toBe('<td data-zh-literal="">纽西兰、资料</td>');
  });

  test('converts human-readable attributes, not ids or other attributes', () => {
    expect(
      html(
        '<nav aria-label="網站導覽"><img src="/a.png" alt="東協地圖" title="紐西蘭"><input placeholder="搜尋本站" name="東協" value="東協"></nav>',
      ),
    ).toBe(
      '<nav aria-label="网站导航"><img src="/a.png" alt="东盟地图" title="新西兰"><input placeholder="搜索本站" name="東協" value="東協"></nav>',
    );
    expect(html('<h3 id="term-asean" data-id="東協" class="東協">東協</h3>')).toBe(
      '<h3 id="term-asean" data-id="東協" class="東協">东盟</h3>',
    );
    expect(html('<button type="button" aria-label="切換深色模式"></button><input type="submit" value="搜尋">')).toBe(
      '<button type="button" aria-label="切换深色模式"></button><input type="submit" value="搜索">',
    );
  });

  test('rewrites internal page links with base /', () => {
    const link = (href: string) => html(`<a href="${href}">x</a>`).replace(/^<a href="([^"]*)">x<\/a>$/, '$1');
    expect(link('/founding/#x')).toBe('/zh-hans/founding/#x');
    expect(link('/')).toBe('/zh-hans/');
    expect(link('/glossary/#地名')).toBe('/zh-hans/glossary/#地名');
    expect(link('/search/?q=東協')).toBe('/zh-hans/search/?q=東協');
    expect(link('#main')).toBe('#main');
    expect(link('/zh-hans/founding/')).toBe('/zh-hans/founding/');
    expect(link('/_astro/site.css')).toBe('/_astro/site.css');
    expect(link('/pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
    expect(link('/og-image.png')).toBe('/og-image.png');
    expect(link('/favicon.svg')).toBe('/favicon.svg');
    expect(link('/sitemap-index.xml')).toBe('/sitemap-index.xml');
    expect(link('/robots.txt')).toBe('/robots.txt');
    expect(link('/data/members.json')).toBe('/data/members.json');
    expect(link('//cdn.example.org/x/')).toBe('//cdn.example.org/x/');
    expect(link('https://creativecommons.org/licenses/by/4.0/deed.zh-hant')).toBe(
      'https://creativecommons.org/licenses/by/4.0/deed.zh-hant',
    );
    expect(link('mailto:info@example.org')).toBe('mailto:info@example.org');
  });

  test('rewrites internal page links with base /sub/path/', () => {
    const input =
      '<a href="/sub/path/founding/#x">a</a><a href="/sub/path/">b</a><a href="/sub/path/_astro/a.js">c</a><a href="/founding/">d</a>';
    expect(html(input, '/sub/path/')).toBe(
      '<a href="/sub/path/zh-hans/founding/#x">a</a><a href="/sub/path/zh-hans/">b</a><a href="/sub/path/_astro/a.js">c</a><a href="/founding/">d</a>',
    );
    expect(rewriteHref('/sub/path', '/sub/path/', 'zh-hans/')).toBe('/sub/path/zh-hans/');
    expect(rewriteHref('/sub/path/pagefind/x', '/sub/path', '/zh-hans')).toBe('/sub/path/pagefind/x');
  });

  test('leaves the edition switch (a link with hreflang) alone', () => {
    const input =
      '<a class="edition-switch" href="/founding/" hreflang="zh-Hant-TW" lang="zh-Hant-TW" data-zh-keep="">繁體</a>';
    expect(html(input)).toBe(input);
  });

  test('escapes < and & in text and attributes, without escaping twice', () => {
    expect(html('<p title="A &amp; B &quot;東協&quot;">1 &lt; 2 &amp;&amp; 東協 &gt; 0 &amp;amp;</p>')).toBe(
      '<p title="A &amp; B &quot;东盟&quot;">1 &lt; 2 &amp;&amp; 东盟 > 0 &amp;amp;</p>',
    );
    expect(html('<p>a<br>b</p>')).toBe('<p>a<br>b</p>');
  });

  test('converts a full document: title, meta descriptions, lang', () => {
    const doc =
      '<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>東協｜APEC 亞太經濟合作</title>' +
      '<meta name="description" content="東協與紐西蘭"><meta property="og:title" content="資深官員會議">' +
      '<meta property="og:locale" content="zh_TW"><meta property="og:url" content="https://apec.example.org/東協/">' +
      '<link rel="canonical" href="https://apec.example.org/zh-hans/aims/"><link rel="alternate" hreflang="zh-Hant-TW" href="/aims/">' +
      '</head><body><p>東協</p></body></html>';
    expect(html(doc)).toBe(
      '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>东盟｜APEC 亚太经济合作组织</title>' +
        '<meta name="description" content="东盟与新西兰"><meta property="og:title" content="高官会">' +
        '<meta property="og:locale" content="zh_CN"><meta property="og:url" content="https://apec.example.org/東協/">' +
        '<link rel="canonical" href="https://apec.example.org/zh-hans/aims/"><link rel="alternate" hreflang="zh-Hant-TW" href="/aims/">' +
        '</head><body><p>东盟</p></body></html>',
    );
    expect(convert.html('<p>東協</p>', { base: '/', prefix: 'zh-hans/', document: true })).toBe(
      '<html><head></head><body><p>东盟</p></body></html>',
    );
  });
});

describe('traditionalOnlyChars()', () => {
  test('reports characters that exist only in Traditional script', () => {
    expect(traditionalOnlyChars('資料與東協，資料')).toEqual(['資', '與', '東', '協']);
    expect(traditionalOnlyChars('资料与东盟')).toEqual([]);
  });

  test('does not report characters shared by both scripts', () => {
    // 台 and 著 are Simplified too; 乾 (乾隆) and 么 (什么) can be the converter's output.
    expect(traditionalOnlyChars('台湾著名的乾隆，什么 APEC 2026')).toEqual([]);
  });

  test('the whole site converts to Simplified, except what is quoted in data-zh-keep', () => {
    const dir = join(process.cwd(), 'content');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(traditionalOnlyChars(text(source)), file).toEqual([]);
    }
    const data = loadData();
    for (const entry of [...data.glossary, ...data.timeline]) {
      expect(traditionalOnlyChars(text(JSON.stringify(entry))), JSON.stringify(entry)).toEqual([]);
    }
  });
});

describe('idempotence', () => {
  test('converting converted text changes nothing (localise() output may pass through html() again)', () => {
    const data = loadData();
    const dir = join(process.cwd(), 'content');
    const lines = readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'));
    for (const entry of [...data.glossary, ...data.members, ...data.timeline])
      lines.push(...Object.values(entry).map(String));
    for (const line of lines) {
      const once = text(line);
      expect(text(once), line).toBe(once);
    }
  });
});

"""Material's search worker, with its Chinese query segmentation fixed for the last word.

The worker cuts a Han query into words that exist in the index (function `fe` in the minified
worker), but its loops stop one character short of the end, so the last word of a query is never
looked up whole: `交底回访` is searched as `交底 回*`, and `回*` matches every 回… word (回答, 回复,
回执…). Allowing the loops to reach the end searches `交底 回访*`. Latin letters right before Han
text (`VIP客户`) are also kept apart from it. The patch is applied only when the
exact code is found (Material 9.8); otherwise the stock worker is used and a warning says so.

With an intent table (synonyms.py) the query is cut by `hfSeg` instead: into index words, choosing the
cut whose words are most common in the index (a unigram model with each word's document frequency,
as jieba does with its dictionary: 对客户说 is 对 客户 说, not 对客 户 说; 私募基金 stays whole; the
table's own words are always taken whole), characters that are no index word skipped (the stock cut
stops there and searches the whole query as one word, so 牙科拔牙后回访 found nothing), the table's
stop words (怎么办, 什么…) and lone characters dropped. A section is listed only if it matches as many
of the query's words as the best section does (one fewer when the best matches three or more), or a
table word whole.

Ranking (`hfRank`): first by how many of the query's *telling* words a section holds — a table word
whole, or a word in its text that at most 8% of the sections hold (医院, 准客户, 节假日; not 回访, 电话,
处理) — then by the table's words (a page the table lists under `pages` counts twice, one under `also`
once), then by how rare its telling words are (log of sections / sections holding the word, three
times for a word in its title or tags: the word that tells a scenario from its siblings weighs more than
the words they share), then by lunr's score. Two query words side by side in a section's title count as
one more telling word (短信回访 in the section title 短信回访; Material's positions are token numbers). A folder target of the table (`scenarios/`: each scenario page for 几点,
多久 …) counts only for a page whose title or tags hold one of the query's telling words: 医院回访几点打
finds the 医院 scenarios' call times before the 什么时候回访 index, while 几点打回访电话 (no scenario
named) still finds the index first, and a section that only matched a folder target's words is not
listed at all (several hundred scenario sections otherwise answered 几点).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.huifang")

PATCHES = (
    (
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
    ),
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
    # a space before the segmented words, so `VIP客户` is searched as `VIP 客户`, not as one word
    ('s=>[...fe(s,this.index.invertedIndex)].join("* ")', 's=>" "+[...fe(s,this.index.invertedIndex)].join("* ")'),
)


def stock_worker() -> tuple[str, Path] | None:
    import material

    folder = Path(material.__file__).resolve().parent / "templates" / "assets" / "javascripts" / "workers"
    found = sorted(folder.glob("search.*.min.js"))
    if len(found) != 1:
        return None
    return f"assets/javascripts/workers/{found[0].name}", found[0]


SEGMENT = '" "+[...fe(s,this.index.invertedIndex)].join("* ")'
RANK = ".sort((s,o)=>o.score-s.score).reduce("
# Material counts the query words a section contains by their spelling in the query, where all but
# the last end in `*` for the prefix search; none of those ever counted, so a section containing every
# word of a query got no more credit than one containing only the last.
MATCHED = "e[s].startsWith(o.term)&&"
# A section whose hidden keywords field holds a query word whole (not as a prefix: 回访 must not hit
# 回访时间) answers the query by the intent table: it is kept whatever else it matched, and ranks as if
# the word were a telling one (see the module's docstring). The table is the team's statement that these
# pages answer that word; a word's low weight in lunr (不满意 is in every question bank) must not bury it.
RESULT = "terms:f}))"
HELPERS = """var HF_RARE=0.08,HF_STOP=new Set(%s),HF_KEEP=new Set(%s),HF_MEANS=%s;
function hfDf(e,w){var x=e[w],d=new Set();for(var f in x)if(f!=="_index")for(var r in x[f])d.add(r);return d.size}
function hfNorm(t,e){t=t.replace(/(.)([完了过過好掉])(.)/g,function(m,a,b,c){return a+c in e&&!(a+b in e)&&!(b+c in e)?a+c:m});var o="",i=0;while(i<t.length){var g=/^(没有|沒有|没|沒)/.exec(t.slice(i)),done=false;if(g){var j=i+g[0].length;for(var L=4;L>0&&!done;L--){var x=t.slice(j,j+L);if(x.length===L&&"未"+x in e&&!HF_KEEP.has(g[0]+x)&&!Object.hasOwn(HF_MEANS,g[0]+x)&&!HF_KEEP.has("没"+x)){o+="未"+x;i=j+L;done=true}}}if(!done){o+=t[i];i++}}return o.replace(/(之后|以后|过后|之後|以後|過後|完了|完|後)/g,function(m,x,p,str){for(var k=4;k>1;k--){var w=str.slice(Math.max(0,p-k),p);if(w.length===k){if(w+"后" in e)return "后";if(w+"後" in e)return "後";if(x==="完"&&w+"完毕" in e)return "完毕";if(x==="完"&&w+"完畢" in e)return "完畢"}}return m})}
function hfSeg(t,e){t=hfNorm(t,e);var n=t.length,best=[0],from=[0],word=[null];for(var i=1;i<=n;i++){best[i]=-Infinity;for(var j=Math.max(0,i-12);j<i;j++){var p=t.slice(j,i),c;if(Object.hasOwn(HF_MEANS,p)||(HF_KEEP.has(p)||p.length>2&&/[后後]$/.test(p)&&p.slice(0,-1) in e)&&p in e)c=0;else if(p in e)c=Math.log((hfDf(e,p)+0.5)/2000);else if(i-j===1)c=Math.log(0.5/2000);else continue;if(best[j]+c>best[i]){best[i]=best[j]+c;from[i]=j;word[i]=p in e||Object.hasOwn(HF_MEANS,p)?p:null}}}
var w=[];for(var i=n;i>0;i=from[i]){var p=word[i];if(p!==null)w.unshift(...(Object.hasOwn(HF_MEANS,p)?HF_MEANS[p].map(function(a){return a.find(function(x){return x in e})||a[0]}):[p]))}
var k=w.filter(function(x){return !HF_STOP.has(x)&&(x.length>1||HF_KEEP.has(x))});if(!k.length)k=w.filter(function(x){return !HF_STOP.has(x)});if(!k.length)k=w.length?w:[t];return [...new Set(k)]}
function hfCount(x){return Object.values(x.terms).filter(Boolean).length}
function hfTextDf(e,w){if(!e.hfTdf)e.hfTdf=new Map();if(!e.hfTdf.has(w)){var x=e[w],d=new Set();for(var f in x)if(f!=="_index"&&f.indexOf("keywords")!==0)for(var r in x[f])d.add(r);e.hfTdf.set(w,d.size)}return e.hfTdf.get(w)}
function hfText(m,t){for(var k in m)if(k.startsWith(t)&&Object.keys(m[k]).some(function(f){return f.indexOf("keywords")!==0}))return true;return false}
function hfNamed(m,t){for(var k in m)if(k.startsWith(t)&&(m[k].title||m[k].title_tw||m[k].title_parts||m[k].tags||m[k].tags_tw))return true;return false}
function hfAdjacent(m,r){var n=0;for(var i=0;i+1<r.length;i++){var a=m[r[i].term.replace(/\\*$/,"")],b=m[r[i+1].term.replace(/\\*$/,"")];if(a&&b&&["title","title_tw"].some(function(f){return a[f]&&b[f]&&a[f].position.some(function(p){return b[f].position.some(function(q){return q===p+1})})}))n++}return n}
function hfRank(m,r,e,n){var spec=0,kw=0,each=0,named=false,other=false,idf=0;r.forEach(function(q){var t=q.term.replace(/\\*$/,""),h=m[t]||{};if(h.keywords||h.keywords_also){var k=h.keywords?2:1;spec+=k;kw+=k;named=named||hfNamed(m,t)}else if((t.length>1||HF_KEEP.has(t)||/^[0-9]+$/.test(t))&&hfTextDf(e,t)<=HF_RARE*n&&hfText(m,t)){spec++;var nm=hfNamed(m,t);idf+=Math.log(n/hfTextDf(e,t))*(nm?3:1);named=named||nm}else if(h.keywords_each)each+=2;if(hfText(m,t))other=true});var adj=hfAdjacent(m,r);spec+=adj;idf+=adj;return named?[spec+each,kw+each,false,idf]:[spec,kw,each>0&&!other&&!spec,idf]}
function hfStrong(x,r,a){if(x.hfR[2])return false;if(r.length<2||x.hfR[1])return true;if(a.hfBest===undefined)a.hfBest=Math.max(...a.map(hfCount));var b=a.hfBest;return hfCount(x)>=(b<=2?b:b-1)}
"""


def with_intents(
    source: str, stop: list[str], keep: Sequence[str] = (), means: dict[str, list[list[str]]] | None = None
) -> str | None:
    """The patched worker with our query cut and weak-result filter, or None if the code differs.

    `keep` are the intent table's words: the cut takes them whole (有意见, not 有 意见) and keeps them
    even when they are one character (表, 牙); other lone characters of a query are dropped. `means` maps a
    typed word to the handbook's words searched instead (装潢 → 装修), each word given with its spellings
    ([["汽车", "汽車"]]): the first one the index holds is searched, so the Simplified edition searches
    汽车 and the Traditional edition (whose index holds only 汽車) 汽車.
    """
    if any(source.count(code) != 1 for code in ("s=>" + SEGMENT, RANK, MATCHED, RESULT)):
        return None
    source = source.replace(MATCHED, 'e[s].startsWith(o.term.replace(/\\*$/,""))&&')
    # a digit or letter right after the Han text is a word of its own (开工7天: 开工 7 天, not 开工7)
    source = source.replace(
        "s=>" + SEGMENT,
        '(s,i,x)=>" "+hfSeg(s,this.index.invertedIndex).join("* ")+(/[0-9A-Za-z]/.test(x.charAt(i+s.length))?"* ":"")',
    )
    source = source.replace(RESULT, "terms:f,hfR:hfRank(u.metadata,r,this.index.invertedIndex,this.map.size)}))")
    source = source.replace(
        RANK,
        ".filter((x,i,a)=>hfStrong(x,r,a)).sort((s,o)=>o.hfR[0]-s.hfR[0]||o.hfR[1]-s.hfR[1]||o.hfR[3]-s.hfR[3]||o.score-s.score).reduce(",
    )
    return (
        HELPERS
        % (
            json.dumps(sorted(set(stop)), ensure_ascii=False),
            json.dumps(sorted(set(keep)), ensure_ascii=False),
            json.dumps(dict(sorted((means or {}).items())), ensure_ascii=False),
        )
        + source
    )


def patched_worker(
    stop: list[str] | None = None, keep: Sequence[str] = (), means: dict[str, list[list[str]]] | None = None
) -> tuple[str, str] | None:
    """(site path, patched source), or None when this Material's worker is not the one we know."""
    stock = stock_worker()
    if stock is None:
        log.warning("找不到 Material 的搜索 worker：中文搜索使用原样的分词")
        return None
    uri, path = stock
    source = path.read_text(encoding="utf-8")
    for old, new in PATCHES:
        if source.count(old) != 1:
            log.warning("Material 的搜索 worker 与预期不同：中文查询的最后一个词按原样处理")
            return None
        source = source.replace(old, new)
    if stop is not None:
        extended = with_intents(source, stop, keep, means)
        if extended is None:
            log.warning("Material 的搜索 worker 与预期不同：搜索同义词表中的提问词未生效")
        else:
            source = extended
    return uri, source

"""Writes generator/lint/organisations.txt, the gazetteer of who may call (lint/caller.py reads it).

    python bench/lint/make_organisations.py [--jieba PATH/TO/jieba/dict.txt]

Three sources, each named in the file's header with how it was filtered:
- jieba's dictionary (jieba 0.42.1, `jieba/dict.txt`, MIT, https://github.com/fxsjy/jieba): its organisation
  (`nt`) entries, kept when they end as a caller's organisation does (银行, 保险, 航空, 电信, 集团, 公司 …) and
  something of a name is left once the kind words are taken off (商业银行, 人民法院, 信息中心 name nobody); its place
  (`ns`) entries that end in 省/市/区/县, without that ending, as place prefixes (广州 of 广州联通);
- the brands listed below by hand, each group with the public page it was checked against.
Everything is folded as the linter folds text (Simplified, half-width, lower case).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

OUT = REPO / "generator" / "lint" / "organisations.txt"

# Brands and short names that name one organisation when said alone, by group, with where each group was checked.
BRANDS = {
    "telecoms (mainland: MIIT's basic operators, https://www.miit.gov.cn; Hong Kong: OFCA's licensees, "
    "https://www.ofca.gov.hk; Taiwan: NCC's operators, https://www.ncc.gov.tw)": (
        "中国移动 中国联通 中国电信 中国广电 中国铁通 中国移动香港 中移动 香港电讯 数码通 smartone csl 和记电讯 "
        "中华电信 台湾大哥大 远传电信 远传 亚太电信 台湾之星"
    ),
    "banks (国家金融监督管理总局, 银行业金融机构法人名单, https://www.nfra.gov.cn; short names as the banks use them)": (
        "中国工商银行 工商银行 工行 中国建设银行 建设银行 建行 中国农业银行 农业银行 农行 中国银行 中行 交通银行 交行 "
        "中国邮政储蓄银行 邮政储蓄银行 邮储银行 邮储 招商银行 招行 浦发银行 浦发 中信银行 中国光大银行 光大银行 华夏银行 "
        "中国民生银行 民生银行 广发银行 兴业银行 平安银行 浙商银行 渤海银行 恒丰银行 北京银行 上海银行 江苏银行 宁波银行 "
        "南京银行 杭州银行 微众银行 网商银行 汇丰银行 渣打银行 东亚银行 花旗银行 恒生银行 中银香港"
    ),
    "insurers (国家金融监督管理总局, 保险机构法人名单, https://www.nfra.gov.cn)": (
        "中国人寿 中国平安 平安保险 平安人寿 平安产险 中国太保 太平洋保险 太平洋人寿 中国人保 人保财险 人保寿险 "
        "新华保险 新华人寿 泰康人寿 泰康保险 太平人寿 中国太平 阳光保险 友邦保险 众安保险 大地保险 华泰保险 天安人寿"
    ),
    "power, gas and water (the companies' own sites: https://www.sgcc.com.cn, https://www.csg.cn, "
    "https://www.crcgas.com, https://www.towngasvantage.com, https://www.enn.cn)": (
        "国家电网 国网 南方电网 华润燃气 港华燃气 新奥燃气 中国燃气 昆仑燃气"
    ),
    "airlines (CAAC's list of carriers, http://www.caac.gov.cn)": (
        "中国国际航空 国航 东方航空 东航 南方航空 南航 海南航空 海航 厦门航空 厦航 四川航空 川航 深圳航空 深航 "
        "山东航空 山航 春秋航空 吉祥航空 国泰航空 长荣航空 中华航空"
    ),
    "couriers (国家邮政局's brands in its service reports, https://www.spb.gov.cn)": (
        "顺丰 顺丰速运 中通 中通快递 圆通 圆通速递 申通 申通快递 韵达 韵达快递 极兔 极兔速递 德邦 德邦快递 京东物流 "
        "中国邮政 邮政ems ems 百世快递 菜鸟 菜鸟驿站"
    ),
    "platforms (the services' own sites)": (
        "淘宝 天猫 京东 拼多多 美团 饿了么 抖音 快手 支付宝 微信支付 携程 去哪儿 飞猪 滴滴 苏宁 国美 唯品会 闲鱼 "
        "58同城 贝壳找房 链家 安居客 自如 大众点评 百度 腾讯 阿里巴巴 网易"
    ),
    "restaurant chains (2021全国餐饮连锁品牌排行榜, https://maigoo.com/news/607164.html; 全国开店数量排行, "
    "https://www.rlut.cn/news/jie-mi-quan-guo-kai-dian-shu-liang-yu-cai-xi-zhong-lei-pai-xing-na-xie-pin-pai-ling-pao-can-yin-jian.html)": (
        "海底捞 绝味鸭脖 喜茶 九毛九 瑞幸咖啡 瑞幸 海伦司 老乡鸡 西贝莜面村 西贝 蜜雪冰城 正新鸡排 奈雪的茶 德克士 "
        "肯德基 麦当劳 星巴克 必胜客 真功夫 全聚德 广州酒家 陶陶居"
    ),
    "hotel groups (中国旅游饭店业协会, 2017年度中国饭店集团60强, as reported at https://xinjiapo.news/news/298777; "
    "2023年度60强, https://www.163.com/dy/article/J57URAI005563I3C.html)": (
        "锦江酒店 锦江之星 华住 汉庭 全季 首旅如家 如家酒店 格林豪泰 东呈 尚美生活 亚朵 温德姆 洲际酒店 万豪 希尔顿 "
        "雅高 开元酒店 维也纳酒店 7天酒店 速8酒店"
    ),
    "estate agencies (房产中介排名, https://www.fudaoke.com/exam/2788431.html)": (
        "链家 我爱我家 中原地产 21世纪不动产 q房网 乐有家 豪世华邦 贝壳找房 麦田房产"
    ),
    "recruitment (2019互联网招聘行业研究报告, https://360doc.cn/article/48651442_823609113.html)": (
        "智联招聘 前程无忧 51job boss直聘 猎聘 领英 脉脉 实习僧 应届生求职网 中华英才网"
    ),
    "car makers (the makers' own sites)": (
        "一汽大众 上汽大众 上汽通用 广汽本田 广汽丰田 东风日产 东风本田 长安汽车 比亚迪 吉利汽车 长城汽车 奇瑞汽车 "
        "蔚来 理想汽车 小鹏汽车 特斯拉 宝马 奔驰 奥迪 别克 雪佛兰 凯迪拉克 沃尔沃 雷克萨斯"
    ),
}
# Said after a place name only (广州联通, 北京移动, 深圳供电): alone each is an ordinary word or names a kind.
AFTER_PLACE = "移动 联通 电信 广电 铁通 供电 电力 燃气 水务 自来水 邮政 农商行 农商银行 农信社 人寿 分行 支行"

# jieba's nt entries: the endings of an organisation that may call a customer.
NT_ENDINGS = (
    "银行 保险 保险公司 人寿 航空 航空公司 电信 移动 联通 通信 集团 公司 医院 证券 基金 电网 快递 速递 物流 汽车 "
    "地产 置业 物业 科技 商城 超市 酒店"
).split()
# Kind words: an entry made only of these (and of these place-less qualifiers) names nobody (商业银行, 国有银行).
KIND_WORDS = (
    "商业 国有 外资 中资 合资 股份 有限 责任 地方 国家 国际 中央 人民 民用 总 分 网上 非 实业 投资 开发 发展 "
    "进出口 信息 服务 管理 技术 工程 贸易 实业 建设 航空 电信 移动 联通 通信 集团 公司 医院 证券 基金 电网 快递 "
    "速递 物流 汽车 地产 置业 物业 科技 商城 超市 酒店 银行 保险 人寿 中小 大型 小型 综合 专科 私人 民营"
).split()
# Qualifiers that say what kind of organisation, not which one: 上市公司, 儿童医院, 公交公司, 钢铁集团 name nobody.
QUALIFIERS = (
    "上市 中医 中心 儿科 儿童 牙科 特约 公立 公交 公共 铁路 海运 外贸 经贸 财经 创投 信托 化工 石化 钢铁 卫星 网络 "
    "邮电 广播 商务 国产 国内 国防 民办 安装 工业 电子"
).split()
# History, politics, armies and teams, which call no customer.
NT_DROP = re.compile(
    r"政府|党|军|队|部$|委员会|国民|苏维埃|帝国|王朝|公社|会议|使馆|大使馆|驻|联合国|议会|国集团|武装|统治|北约|利库德|里约|安第斯"
    r"|自然科学基金|^(日本|美国|英国|韩国|瑞典|欧洲|德国|法国)(公司|集团)$"
)
PLACE_END = re.compile(r"^(.{2,6}?)(?:省|市|区|县)$")


def _kind_only(name: str) -> bool:
    rest = name
    for word in sorted(KIND_WORDS + QUALIFIERS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) < 2


def main(argv=None) -> int:
    from huifang.lint.normalize import fold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jieba", type=Path, help="jieba/dict.txt (default: the installed jieba's)")
    args = parser.parse_args(argv)
    path = args.jieba
    if path is None:
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
    nt, places = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        word, _, tag = parts
        if tag == "nt" and any(word.endswith(e) for e in NT_ENDINGS) and not NT_DROP.search(word):
            if len(word) >= 4 and not _kind_only(word):
                nt.add(fold(word))
        elif tag == "ns":
            found = PLACE_END.match(word)
            if found and not re.search(r"[一二三四五六七八九十东南西北中地]$|省", found.group(1)):
                places.add(fold(found.group(1)))
    places.update(("香港", "澳门", "台湾"))  # places named without 省/市 (特别行政区, 地区)
    brands = {fold(w) for group in BRANDS.values() for w in group.split()}
    after = [fold(w) for w in AFTER_PLACE.split()]
    out = [
        "# 机构名录（lint/caller.py 读）：自我介绍里“这边是／我是／您好，…”后面说出这些名称，算报了单位。",
        "# Written by bench/lint/make_organisations.py; do not edit by hand (add a team's own names in",
        "# content/standards.yaml, gongsi's `names`). Folded as the linter folds text. Sections:",
        "# [name] names one organisation said alone; [after-place] only after a place name (广州联通);",
        "# [place] place names that may stand before a name or an [after-place] word.",
        "# Sources:",
        "# - jieba 0.42.1 dict.txt (MIT, https://github.com/fxsjy/jieba): its nt (organisation) entries that end in one of",
        f"#   {' '.join(NT_ENDINGS)},",
        "#   four characters or more, not of history, politics, armies or teams (政府, 党, 军, 队, …部, 委员会, 使馆 …),",
        "#   and with a name left once kind words (商业, 国有, 人民, 银行, 公司 …) and qualifiers (上市, 儿童, 公交, 钢铁 …)",
        f"#   are taken off: {len(nt)} names;",
        "#   its ns (place) entries that end in 省/市/区/县, without that ending (not when a direction or a numeral is left",
        f"#   last), and 香港, 澳门, 台湾: {len(places)} places.",
        *(f"# - {group}" for group in BRANDS),
        "# Left out: brands that are ordinary words alone (平安, 大众, 光大, 民生, 兴业, 中信, 广发, 友邦, 移动, 联通, 电信,",
        "#   如家, 7天, 满堂红, 外婆家:",
        "#   said after a place or with 银行/保险 they are found), jieba's nt entries of other kinds (schools, ministries,",
        "#   courts: a self-introduction names them with a kind word the element's patterns already read), and any list of",
        "#   listed companies' short names (no stored copy with its source was at hand).",
        "[name]",
        *sorted(brands | nt),
        "[after-place]",
        *after,
        "[place]",
        *sorted(places),
    ]
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(brands | nt)} names, {len(after)} after a place, {len(places)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Funding news in Chinese, Japanese and Korean: kind, company, money, round and investors.

These headlines are built differently from English ones: no spaces, names in quotes
(“TabTin”, 「hacomono」, ‘로소타’), the company before a comma and the deal after it
("딥그로브, 15억원 시드 투자 유치"), units of ten thousand and a hundred million. So they get
their own first pass (`read_cjk`) and their own ordered, named rules (bot.extract.rules); the
result is the same Extraction English stories give. Company names stay in the story's script
unless the story itself gives a Latin name ("昆腾动力（Quantum Dynamics）").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.cjk_money import CjkMoney, find_cjk_money
from bot.extract.listed import is_listed
from bot.extract.rates import to_usd
from bot.extract.rules import first
from bot.models import Extraction

MAX_SUMMARY = 1500  # the deal is told in the first sentences

# --- the first pass -----------------------------------------------------------------------

# outlet decorations around a headline: "｜36氪首发", "硬氪首发 |", "｜智能涌现首发", "【独家】"
_DECORATION = re.compile(
    r"\s*[|｜丨]\s*[^|｜丨]{0,12}(?:首发|独家|新项目|快讯|早报)\s*$"
    r"|^\s*[^|｜丨]{0,8}(?:首发|独家)\s*[|｜丨]\s*"
    r"|^\s*【[^】]{0,10}】\s*|^\s*\[[^\]]{1,10}\]\s*"  # "[더벨]마이리얼트립": a rubric
    r"|\s*[–-]\s*바이라인네트워크\s*$"
)
_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=\. )")


@dataclass(frozen=True)
class CjkStory:
    """What the first pass found in a story: cleaned text, sentences and money."""

    language: str
    title: str
    summary: str
    sentences: tuple[str, ...]
    money: tuple[CjkMoney, ...]  # in the title
    first_report: bool = False  # "36氪首发", "涌现新项目": an outlet's first report of a startup


_FIRST_REPORT = re.compile(r"首发|新项目")


def read_cjk(title: str, summary: str, language: str) -> CjkStory:
    clean = title
    for _ in range(3):
        clean = _DECORATION.sub("", clean).strip()
    summary = summary[:MAX_SUMMARY]
    sentences = tuple(s.strip() for s in _SENTENCE_END.split(summary) if s.strip())
    first_report = clean != title and _FIRST_REPORT.search(title) is not None
    money = tuple(find_cjk_money(clean, language))
    return CjkStory(language, clean, summary, sentences, money, first_report)


# --- word lists ---------------------------------------------------------------------------

_ZH_VERB = (
    r"(?:完成|获得?(?!悉|取|奖|批|评|选|准)|获投|拿下|拿到了?|斩获|再获|宣布完成|连续完成|连融|迎来"
    r"|扩大(?=融资))"
)
_ZH_FUNDING = re.compile(
    rf"{_ZH_VERB}[^，。；！？|｜：:]{{0,28}}?(?:融资|投资|注资|战略投资)(?!潮|热|寒冬|难|环境)"
    r"|融资\s*(?:超|近|约|逾)?\s*(?:[\d.]+|数|几)\s*[十百千]?\s*(?:亿|万)"
    r"|获投\s*[\d.]+\s*[万亿]"
    r"|(?:[A-H]\+*|[A-H]\d|Pre-?[A-H]\+*|天使\+*|种子\+*|战略)轮(?:追加)?融资"
    r"|(?:领投|跟投|参投)"
    r"|[\d.亿万]+(?:元|美元|港元|欧元|日元|英镑)?(?:押注|投资)(?!者|人|机构)|扩大融资"
    r"|(?:连融|[\d一二三四五六七八九十两]+\s?轮融资)"
    # "云锋基金等入股比特智路" (new shareholders in a registry filing), "向SB Energy投资15亿美元"
    r"|融资(?:报道|传闻|消息)"
    r"|投了(?:一家|这家|家)?(?=[\u4e00-\u9fffA-Za-z])"  # "小米投了一家机器人公司"  # "OceanBase回应融资报道": talk of a round (a rumour cue says so)
    r"|等?入股(?!.{0,4}(?:上市|公司股东))|向[^，。；|｜]{1,24}?(?:追加)?投资\s*[\d.一二三四五六七八九十百千]+"
)
_KO_FUNDING = re.compile(
    r"투자\s?(?:를\s?)?(?:유치|확보)|투자유치|자금\s?(?:을\s?)?(?:조달|확보|유치)|투자금\s?확보"
    # "알리바바로부터 1000억원 투자 받아", "시리즈B서 1000억 조달"
    r"|(?:로부터|서)\s[^…]{0,20}?투자\s?(?:를\s?)?받(?:아|았|는다|고|으며|은)"
    r"|\d+\s?(?:억|조)\s?(?:원\s?)?(?:규모\s?)?(?:를\s?|을\s?)?조달"
    r"|\d[\d,.]*\s?(?:억|조)\s?원?\s?(?:규모\s?)?투자\s?(?:타진|추진|협상)"
    r"|(?:시드|프리\s?시드|시리즈\s?[A-Z]|프리\s?(?:시리즈\s?)?[Aa]|[Pp]re-?[Aa]|브릿지)\s?투자"
    r"|(?:시드|프리\s?시드|시리즈\s?[A-Z]|프리\s?(?:시리즈\s?)?[Aa]|[Pp]re-?[Aa]|브릿지)\s?(?:라운드\s?)?유치"
    r"|에\s?(?:시드\s?|후속\s?|신규\s?)?(?:투자|베팅)(?!자|금|사|처|\s?(?:유치|지원|연계|설명))"
    r"|에\s?(?:최대\s?|약\s?)?[\d,.]+\s?(?:조|억|만)\s?(?:원|달러)?\s?(?:규모\s?)?(?:의\s?)?"
    r"(?:을\s?|를\s?)?(?:추가\s?|지분\s?|전략적?\s?)?(?:투자|베팅)(?!자|금|사|처|\s?(?:유치|지원|연계|설명))"
    r"|지분\s?투자(?!자|금|사|처|\s?(?:유치|지원|연계|설명))|투자\s?(?:를\s?)?(?:주도|이끌)"
    r"|\d+억\s?(?:원\s?)?(?:규모\s?)?추가\s?(?:투자\s?)?유치"
    r"|[가-힣A-Za-z]\s투자$|팁스.{0,25}\d+억|\d+억[^…]{0,12}팁스"
    r"|\d+억\s?원?\s?(?:규모\s?)?(?:투자\s?)?유치|\d+억\s?(?:원\s?)?(?:규모\s?)?(?:시드|시리즈|프리)"
    r"|[가-힣A-Za-z]\s투자(?=·|,|\s및)"
    r"|[’'”\"]\s?(?:시드\s?|후속\s?)?투자(?:$|…|\.\.\.)"  # "…씨엔티테크, ‘필리데이’ 투자"
)
_JA_FUNDING = re.compile(
    r"調達(?!へ|を検討|を計画|先|振り返り)|出資(?!を検討)|に投資した理由|から投資|資金調達を実施"
    r"|第三者割当(?:増資|による)|(?<!公募)増資を(?:実施|完了)|も(?:出資|投資)(?:$|[、。\s])"
    r"|に[^、。]{0,20}?[億万]円を?投入|に(?:[^、。]{0,20}?円を)?投資した(?:と|こと)"
    r"|ファイナンスを(?:実施|完了)|投資を受けた|に対し、?投資を行った|資金調達を発表"
    r"|(?:資金)?調達したと発表|資金を?獲得|融資枠を(?:確保|獲得|設定)"
    # a stage and its sum without a verb ("シリーズCで41億円"), money gathered ("100億円を集めた")
    r"|(?:プレ)?(?:シリーズ\s?[A-H]|シード)(?:ラウンド)?で[約\d.,]+\s?(?:億|万)円"
    r"|[\d.,]+\s?(?:億|万)円を?集め"
    r"|[A-Za-z0-9ァ-ヶー」』]に(?:追加)?投資(?=[\s　。、]|$)"  # "…AstroXに投資 …": a headline's investment
)
_FUNDING = {"zh": _ZH_FUNDING, "ko": _KO_FUNDING, "ja": _JA_FUNDING}

_NOT_A_DEAL = re.compile(
    r"支援(?!の)|지원(?!금)|모집|공모|프로그램|설명회|플랫폼\s?출범|협력|맞손|육성|연계|교육|쾌척"
    # many companies over a half-year, or an offer turned down: "입주기업, 상반기 180억 투자유치"
    r"|상반기|하반기|입주기업|참여기업|포트폴리오사|거절|무산|철회"
    # money into a kind of company, not one ("정부, 딥테크 스타트업에 1조원 투자")
    r"|(?:스타트업|기업|벤처|분야|산업|업계)(?:들)?에\s?(?:최대\s?)?[\d,.]+\s?(?:조|억)"
    r"|^(?:정부|중기부|금융위|산업부|과기정통부)[,\s]|\d+\s?곳(?:에|을|의)"
    # events; money into a site; a raise told as past ("투자 유치 후 첫 신제품")
    r"|세미나|개최|포럼|컨퍼런스|데모데이"
    r"|(?:센터|공장|설비|시설|부지|캠퍼스|연구소)에\s?(?:최대\s?)?[\d,.]+\s?(?:조|억)"
    r"|유치\s?후"
    # a year's or a sector's totals (bonds are placements, _PLACEMENT)
    r"|\d{2,4}年(?:の|度)?調達(?!し)|調達額|調達総額|融资总额|투자\s?규모\s?(?:가|는)"
)
_RUMOR = {
    "zh": re.compile(
        r"拟(?!定增)|计划|洽谈|谈判|磋商|寻求|正在|叫停|被曝|曝光|传出|据悉|知情人士|回应.{0,6}报道"
        r"|消息称|考虑|开启.{0,6}融资|重启融资|影响.{0,10}融资|传闻"
        r"|融资(?:或|将|已)?(?:暂停|搁置|中止|终止|告吹)"  # "新一轮融资或暂停": not done
    ),
    "ko": re.compile(
        r"추진|나선다|나서|검토|협상|논의|계획|타진|가능할까|가능성|진행\s?중|난항|재개|\?"
    ),
    # "目指す"/"計画" only of the raise itself: "…目指すトクイテン、3.7億円調達" describes the company
    "ja": re.compile(
        r"調達へ|出資へ|投入へ|検討|協議|交渉|報道|(?:調達|出資|投資)(?:を|する)?(?:計画|目指す|目前|見通し|狙う)"
    ),
}
_DIGEST = re.compile(
    r"^(?:8点1氪|氪星晚报|早报|晚报|日报|周报|\d+点\d+氪)|【[^】]*(?:周报|早报|晚报|日报|晨报)】"
    r"|[；;][^；;]{2,}[；;]"  # three stories in one line (full-width or, after cleaning, ASCII)
    r"|\[주간|주간투자동향|外\s*$|투자동향"
    r"|振り返り|まとめ|Weekly|週間|ほか\d+件"
)
_PLACEMENT = re.compile(
    r"定增|配售|可转债|增发|发行.{0,6}债|债券|募资不超|유상증자|公募増資|社債|債券|ボンド|회사채|채권"
)
# "亿田智能：子公司拟…": a listed company's notice, named before a colon
_NOTICE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z·]{2,6}[：:].{0,12}(?:拟|签订|签署|公告|预计|回应|营收|收入|净利|同比"
    r"|子公司|控股|中标|合同|订单|股东|获得|增资)"
)
_IPO = re.compile(r"(?<!Pre-)(?<!pre-)(?:IPO|上市(?!公司)|招股|递表|挂牌|港交所|科创板|上場|상장)")
_TAKEOVER = re.compile(r"收购|并购|买下|入主|買収|인수|合并|合併|経営統合")
_FUND = re.compile(
    r"基金.{0,6}(?:募集|设立|首关|关账|成立)|(?:设立|成立).{0,10}基金"
    r"|ファンド.{0,8}(?:組成|設立|クローズ)|펀드\s?(?:결성|조성)"
)

# --- kind ---------------------------------------------------------------------------------


def _digest(s: CjkStory) -> str | None:
    return "other" if _DIGEST.search(s.title) else None


def _placement(s: CjkStory) -> str | None:
    """A listed company's share placement or bond, or a company notice ("亿田智能：…")."""
    if _PLACEMENT.search(s.title):
        return "other"
    if _NOTICE.match(s.title) and not re.search(r"完成.{0,12}轮融资", s.title):
        return "other"
    return None


# a Japanese sum raised, or a stage raised in: "1.3億円を調達", "シリーズAで20億円調達"
_JA_STRONG = re.compile(
    r"[\d.,]+\s?(?:億|万|百万|千万)?\s?(?:円|ドル|米ドル|ユーロ)を?(?:資金)?調達"
    r"|(?:シリーズ|ラウンド)[^、。]{0,12}?で(?:[\d.,]+\s?(?:億|万)?\s?円)?(?:の)?(?:資金)?調達"
)
# a Japanese deal told without a figure or a stage: "アストロスケールに三菱電機が出資",
# "ispace、新たに資金調達", "…が資金調達を実施"
_JA_PLAIN_DEAL = re.compile(
    r"に[^、。]{0,20}?出資(?:$|[、。\s])|資金調達(?:を(?:実施|完了))?(?:$|[、。\s])"
    r"|も(?:出資|投資)(?:$|[、。\s])|に投資した(?:と|こと)|第三者割当増資|出資したと発表"
    r"|[A-Za-z0-9ァ-ヶー」』]に(?:追加|再)?(?:投資|出資)(?:$|[、。\s　])"
    r"|投資を受けた|投資を行った|資金調達を発表|調達したと発表"
)


def _funding_clause(s: CjkStory) -> str | None:
    pattern = _FUNDING[s.language]
    m = pattern.search(s.title)
    strong = s.language == "ja" and _JA_STRONG.search(s.title)
    # Japanese: a cue after the deal, past a space, is another clause ("…AstroXに投資 被災地の
    # スタートアップの挑戦を支援")
    vetoed = _NOT_A_DEAL.search(s.title)
    if (
        vetoed
        and s.language == "ja"
        and m
        and re.search(r"[\s　]", s.title[m.end() : vetoed.start()])
    ):
        vetoed = None
    if not m or (vetoed and not strong):
        return None  # (a Japanese sum raised outweighs "支援" in a description: "買い物を支援、…")
    if s.language == "ja" and _IPO.search(s.title):
        return None  # "IPOまでの資本政策。上場直前に外部出資を受け入れた理由": the listing's story
    if s.language == "ja" and not (
        (
            _quoted_name(s)
            or _ja_name(s)
            or _ja_subject(s)
            or (s.money and _round(s.title))
            # "AIスタートアップが100億円を集めた": a described company and its sum
            or (
                s.money
                and re.search(
                    r"(?:スタートアップ|ベンチャー|新興|企業|新会社|CEO|創業者|社長)が", s.title
                )
            )
        )
        and (s.money or _round(s.title) or "理由" in s.title or _JA_PLAIN_DEAL.search(s.title))
    ):
        return None  # "新興企業の資金調達": about raising money, not a raise
    told = s.title
    if (
        s.language == "zh"
    ):  # "…完成C轮融资，今年底拟冲击上市": a later clause's plans are not the round's
        end = re.search(r"[，,；;！!？?|｜]", s.title[m.end() :])
        told = s.title[: m.end() + end.start()] if end else s.title
    if _RUMOR[s.language].search(told):
        return "rumor"
    if s.language == "zh" and re.match(r"后[，,：:]", s.title[m.end() : m.end() + 2]):
        return None  # "完成B轮融资后，这家公司首次亮相": the round came before the news
    if s.language == "ko" and not s.money and re.search(r"유치한\s", s.title):
        return None  # "시리즈B 투자 유치한 뤼튼, 일본 진출": a description (with a sum it is news)
    return "funding"


def _other_kinds(s: CjkStory) -> str | None:
    if _IPO.search(s.title):
        return "ipo"
    if _TAKEOVER.search(s.title):
        return "acquisition"
    if _FUND.search(s.title):
        return "fund"
    return None


_VALUATION_NEWS = re.compile(
    r"估值(?:破|突破|达|超|飙升|翻番|翻倍|提升|升至|至)|評価額|기업\s?가치|밸류에이션"
)


def _valuation_news(s: CjkStory) -> str | None:
    """A company's new valuation reported as news ("一目科技估值破百亿"): a round set it."""
    sized = s.money or re.search(r"[\d.百千十数]+\s*亿|[\d.]+\s*조", s.title)
    if sized and _VALUATION_NEWS.search(s.title) and not re.search(r"市值|IPO|上市", s.title):
        # "Harvey 正洽谈融资，估值达 155 亿美元": the valuation of a round still in talks
        return "rumor" if _RUMOR[s.language].search(s.title) else "funding"
    return None


def _summary_clause(s: CjkStory) -> str | None:
    """The title hints (a round, money, a backer) and the summary's first sentence says it."""
    stage = _round(s.title)
    hint = (
        s.money
        or (stage and stage != "grant")
        or re.search(
            r"融资(?!潮|热|寒冬|难|环境)|押注|入股|领投|加注|베팅|出資"
            r"|투자(?!자|금|사|처|\s?(?:확대|동향|시장|심리|업계|생태계|혹한|한파|열기))",
            s.title,
        )
        or s.first_report  # these introduce a startup, most often with its new round
        or re.search(
            r"[\u4e00-\u9fff]{2,4}投资\s*(?:[|｜]|$)", s.title
        )  # "…，徐新投资 | 涌现新项目"
    )
    if not hint or not s.sentences or _NOT_A_DEAL.search(s.title) or "선정" in s.title:
        return None
    lead = " ".join(s.sentences[:2])
    if _FUNDING[s.language].search(lead):
        return "rumor" if _RUMOR[s.language].search(s.title + lead[:60]) else "funding"
    return None


KIND_RULES = [
    ("cjk digest", _digest),
    ("cjk placement or notice", _placement),
    ("cjk funding clause", _funding_clause),
    ("cjk ipo/takeover/fund words", _other_kinds),
    ("cjk valuation news", _valuation_news),
    ("cjk summary funding clause", _summary_clause),
]

# --- company ------------------------------------------------------------------------------

_QUOTED = re.compile(r"[“”\"「『‘'](?P<name>[^”\"」』’'，,。、！？!?\s]{1,24})[”\"」』’']")
_ZH_DESCRIPTOR = re.compile(
    r"^.*(?:公司|企业|平台|创企|厂商|品牌|团队|独角兽|初创|机构|服务商|制造商|供应商|开发商"
    r"|运营商|的|为|做|及|和|与|、|，|：|\s)"
)
_NOT_NAME = re.compile(
    r"^(?:这家|该公司|公司|企业|团队|博士|教授|初创|其|已|近日|宣布|一家|多家|新一轮|上半年"
    r"|元?CEO|元?CTO|元?社長|創業者|代表"
    r"|本ラウンド|今回|同社|当社"
    r"|[\d.]+|[A-Za-z]?)$"
)
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9.&'’-]*(?:\s[A-Za-z0-9][A-Za-z0-9.&'’-]*){0,3}"
_TIME_WORDS = re.compile(
    r"(?:已于?|近日|近期|日前|今日|宣布|上半年|下半年|今年|年内|再次|此前|正式|连续"
    r"|\s?[\d一二三四五六七八九十两半]+\s?(?:个月|天|年|周|轮))+$"
)
_PEOPLE = re.compile(r"(?:博士|教授|团队|创始人|员工|高管|CEO|CTO|大神|女生|学生|夫妇)$")


_AFTER_NAME = {
    "zh": re.compile(r"\s*(?:近日|近期|已|宣布|再获|获(?!悉)|完成|融资|拿下|运营)"),
    "ja": re.compile(r"\s*(?:運営|、|が|は|\d|(?:プレ)?シリーズ|[:：]|[—―]|ーー|$)"),
    "ko": re.compile(r"\s*(?:,|\d|시드|프리|시리즈|투자|$)"),
}


_FUND_NAME = re.compile(r"(?:ファンド|投資事業有限責任組合|組合|基金|펀드)(?:\d+号)?$")


def _quoted_name(s: CjkStory) -> str | None:
    """A name in quotes that the deal follows: “TabTin”完成, 「hacomono」運営、, ‘로소타’, 15억원"""
    deal = re.search(_JA_DEAL, s.title) if s.language == "ja" else None
    for m in _QUOTED.finditer(s.title):
        name = m.group("name")
        if deal and m.start() > deal.end():
            break  # "newmoが63億円の資金調達、…ネットで“ボヤ騒ぎ”": a quote after the deal
        if _FUND_NAME.search(name):
            continue  # 「…ファンド投資事業有限責任組合」が…に対し投資: the investor's fund
        if re.match(r"\s*(?:を)?運営(?:する|の)", s.title[m.end() :]):
            continue  # "「シェアでんき」運営のアクセルスペース": the service; its operator is named
        if _name_like(name) and _AFTER_NAME[s.language].match(s.title[m.end() : m.end() + 12]):
            return name
    return None


_ROUND_WORD = re.compile(
    r"(?:[A-H]\+*|[A-H]\d|Pre-?[A-H]\+*|天使\+*|种子\+*|战略|新一?|首|多|数)轮(?:融资)?|本轮|该轮"
)


# Korean words that stand where a name would: a description, a unit, a round
_KO_NOT_NAME = re.compile(
    r"^(?:스타트업|기업|업체|회사|벤처|달러|원|억원|규모|지분|대규모|프리\s?A|시드|시리즈\s?[A-Z]?"
    r"|투자|후속|신규|추가)$"
)


def _name_like(name: str) -> bool:
    return (
        1 < len(name) <= 24
        and not _NOT_NAME.match(name)
        and not _KO_NOT_NAME.match(name)
        and not re.search(r"(?:など|等|歳|氏|さん)$", name)  # "レストランなど", "16歳": no name
        and not re.search(r"[？?！!]", name)
        and not _ROUND_WORD.fullmatch(name)  # "这家公司A轮融资数千万": the round is no name
        and not re.search(r"投资者|洽谈|融资|[A-H天使种子]轮", name)  # "投资者洽谈A轮": a clause
        and not _ZH_ADVERBS.fullmatch(name)  # "最新获投…", "已成功完成…": no name before the verb
    )


_ZH_ADVERBS = re.compile(
    r"(?:最新|已|已经|成功|再次|再度|又|同时|披露|正式|宣布|近日|日前|今日|目前|此前|本次|此次|顺利)+"
)


def _zh_name_before_verb(s: CjkStory) -> str | None:
    return _zh_subject(s.title)


_ZH_STAKE_IN = re.compile(r"等?入股[“\"「]?(?P<name>[\u4e00-\u9fffA-Za-z0-9·]{2,16})")
_ZH_INVEST_IN = re.compile(r"向(?P<name>[^，。；|｜向]{1,24}?)(?:追加)?投资")


_ZH_INVESTED = re.compile(
    r"投了(?!一家|这家|家)(?:[^，。；|｜]{0,12}?(?:公司|企业|创企|初创))?"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9·]{2,12})(?:[，。；|｜\s]|$)"
)


def _zh_invested_in(s: CjkStory) -> str | None:
    """The company an investor puts money into: "X等入股Y", "X向Y投资15亿美元", "腾讯出手，投了
    AI搜索公司秘塔科技" ("投了一家…公司" names none)."""
    m = (
        _ZH_STAKE_IN.search(s.title)
        or _ZH_INVEST_IN.search(s.title)
        or _ZH_INVESTED.search(s.title)
    )
    if not m:
        return None
    name = _ZH_DESCRIBER.sub("", m.group("name").strip()) or m.group("name").strip()
    return name if _name_like(name) else None


# a headline's maker of a launch, at its start or after a rubric's colon
_LAUNCHED = r"(?:^|[：:，,\s])([\u4e00-\u9fffA-Za-z0-9·]{2,10}?)(?:发布|推出|上线|亮相)"


def _zh_subject(text: str) -> str | None:
    """The company right before the funding verb: "星环聚能完成新一轮…" → 星环聚能,
    "AI芯片创企Etched融资7亿美元" → Etched."""
    m = re.search(rf"{_ZH_VERB}|融资|获.{{0,10}}投资|估值(?:破|突破|达|超|飙升|翻|升至)", text)
    if not m:
        return None
    before = _TIME_WORDS.sub("", text[: m.start()]).rstrip()
    # "镁信健康拟完成…": a cue, no name
    # "宇树科技被曝正在进行新一轮融资": cues and the round's words are no part of the name
    before = re.sub(
        r"(?:拟|将|或将|计划|正在|正|有望|被曝|被传|据悉|传|(?:进行|开启|启动|推进)新?|新一?轮|的)+$",
        "",
        before,
    )
    latin = re.search(rf"({_LATIN_NAME})$", before)
    if latin and len(latin.group(1)) > 1 and not re.fullmatch(r"AI|IT|VC|PE", latin.group(1)):
        short = re.fullmatch(r"[A-Z]{2,3}", latin.group(1))
        joined = re.search(r"(?:^|[|｜:：，,\s])([\u4e00-\u9fff]{2,4})$", before[: latin.start()])
        if short and joined and not _ZH_DESCRIPTOR.search(joined.group(1)):
            return joined.group(1) + latin.group(1)  # "蜻蜓FM": Chinese and Latin in one name
        return latin.group(1).strip()
    quoted = re.search(r"[“\"「『]([^”\"」』]{1,24})[”\"」』]$", before)
    if quoted:
        return quoted.group(1)
    run = re.search(r"([\u4e00-\u9fffA-Za-z0-9·]{2,24})$", before)
    if not run:  # "…：橡木果发布全球首个模型X，获…投资": the clause before is the launch's
        launch = re.search(_LAUNCHED, before)
        return launch.group(1) if launch and _name_like(launch.group(1)) else None
    launched = re.match(_LAUNCHED, run.group(1))
    if launched and before[run.start() - 1 : run.start()] in ("", " ", "，"):
        return launched.group(1)  # "橡木果发布…模型 完成天使轮融资": the launch's maker
    name = _ZH_DESCRIPTOR.sub("", run.group(1))
    name = re.sub(r"^(?:近日|近期|日前|今日|目前)", "", name)
    start = len(before) - len(name)
    if _PEOPLE.search(name) or re.search(r"\d", name) or before[start - 1 : start] in ("做", "造"):
        return None  # "…员工做芯片获…": a product the founder makes, not the company
    return name if 2 <= len(name) <= 10 and _name_like(name) else None


def _zh_described_in_title(s: CjkStory) -> str | None:
    """ "开放式AI助听器完成数千万元天使轮融资" with a summary that says "AI助听器公司飞声已完成…":
    the headline's words before the verb describe, the summary names (neither appears in the
    other's text)."""
    name = _zh_subject(s.title)
    if not name or re.fullmatch(_LATIN_NAME, name) or not s.summary or name in s.summary:
        return None
    named = _zh_summary_name(s)
    return named if named and named not in s.title and _name_like(named) else None


_ZH_DESCRIBED_END = re.compile(r"(?:初创公司|初创企业|创企|公司|企业)\s*(?:[，,。|｜!！]|$)")
_ZH_NOUN_THEN_LATIN = re.compile(rf"(?:初创公司|初创企业|创企|公司)\s?({_LATIN_NAME})")


def _zh_latin_after_description(s: CjkStory) -> str | None:
    """ "马云…投资美国旧金山AI保险初创公司", the summary "…AI保险初创公司 Corgi 的融资": the
    headline ends on a description; the summary puts the Latin name right after it."""
    if not _ZH_DESCRIBED_END.search(s.title):
        return None
    m = _ZH_NOUN_THEN_LATIN.search(s.summary[:400])
    return m.group(1).strip() if m and len(m.group(1)) > 1 else None


def _zh_latin_in_title(s: CjkStory) -> str | None:
    """The one Latin proper name of a headline ("韩国芯片独角兽DeepX估值飙升…")."""
    names = [
        n
        for n in re.findall(_LATIN_NAME, s.title)
        if len(n) > 2
        and not re.fullmatch(r"(?:AI|IPO|CEO|CTO|GPU|AGI|SaaS|App|VC|PE)\w?", n)
        # "Jeff Dean 参投": an investor named beside the company is not it
        and not re.search(re.escape(n) + r"\s?(?:等)?(?:参投|领投|跟投|加注|投资)", s.title)
    ]
    return names[0] if len(names) == 1 else None


# a Chinese name with its English one in brackets, at the end of the clause before the verb
_NAMED_IN_BRACKETS = re.compile(
    rf"(?P<local>[\u4e00-\u9fff]{{2,6}})[（(]\s?(?P<latin>{_LATIN_NAME})\s?[)）]"
    r"(?:近日|日前|今日|正式|宣布|已|已经|于近日|成功)*$"
)
_ZH_DESCRIBER = re.compile(r"^(?:.*?)(?:公司|企业|平台|厂商|品牌|机构|创企|服务商|提供商)")


def _zh_summary_name(s: CjkStory) -> str | None:
    short = re.search(r"(?:简称|下称|以下简称)\s*[“\"「]([^”\"」]{1,20})[”\"」]", s.summary)
    if short:
        return short.group(1)
    # the first sentences, and a feature's "融资情况" (funding) section wherever it stands
    sections = [x for x in s.sentences[3:12] if "融资情况" in x]
    for sentence in [*s.sentences[:3], *sections]:
        verb = _ZH_FUNDING.search(sentence)
        if not verb:
            continue
        clause = re.split(r"[，,：:]", sentence[: verb.start()])[-1]
        named = _NAMED_IN_BRACKETS.search(clause)
        if (
            named
        ):  # "…公司德塔智能（Delta Intelligence）近日完成": both names, the English one given
            local = _ZH_DESCRIBER.sub("", named.group("local")) or named.group("local")
            return f"{local}（{named.group('latin')}）"
        q = _QUOTED.search(clause)
        if q and _name_like(q.group("name")):
            return q.group("name")
        name = _zh_subject(clause + sentence[verb.start() : verb.end()])
        if name:
            return name
        quoted = [q.group("name") for q in _QUOTED.finditer(sentence[: verb.start()])]
        if quoted and _name_like(quoted[-1]):
            return quoted[-1]  # "「一思智能」开启批量交付，此前完成…融资": named a clause earlier
    return None


def _ko_segment(title: str) -> str:
    """The part of a headline that holds the deal: "…잇뉴, 시드투자 1억원 유치" → after the …"""
    parts = [p.strip() for p in re.split(r"…|\.\.\.|⋯", title) if p.strip()]
    for part in parts:
        if _KO_FUNDING.search(part):
            return part
    for part in parts:
        if "," in part and re.search(r"\d+억|시리즈|시드|프리|투자", part):
            return part
    return parts[-1] if parts else title


_KO_VERB_ENDING = re.compile(r"(?:다|며|고|서|니|요|까|죠)$")
_INVESTOR_LIKE = re.compile(
    r"·|벤처스|파트너스|캐피탈|인베스트먼트|투자$|자산운용|액셀러레이터|블루포인트|전자|그룹|은행|증권"
    r"|기술지주|테크|홀딩스"
)


# a quoted name with a space in it: "' 오이 모션'", "‘리전 헬스’"
_KO_SPACED_QUOTE = re.compile(r"[‘'\"“]\s?(?P<name>[^‘’'\"“”,]{1,20}?)\s?[’'\"”]\s*$")
_KO_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")  # not the comma inside "2,000억원"


def _ko_comma_name(s: CjkStory) -> str | None:
    segment = _ko_segment(s.title)
    if not _KO_COMMA.search(segment):
        # "새팜, 위성 영상으로 … 진단… 프리A 투자 유치": the name opens the headline
        segment = re.split(r"…|\.\.\.|⋯", s.title)[0]
    parts = _KO_COMMA.split(segment, maxsplit=1)
    if len(parts) < 2:
        return None
    head, rest = parts[0].strip(), parts[1]
    q = _KO_SPACED_QUOTE.search(head) or _QUOTED.search(head)
    if q and _name_like(q.group("name")):
        return q.group("name")
    words = head.split()
    if not words:
        return None
    name = words[-1].strip("‘’'\"“”")
    if _KO_VERB_ENDING.search(name):
        return None  # "합성되기 전에 막는다, …": a clause, not a name
    investee = re.search(r"([^\s,]+)\s(?:시드\s?)?투자$", rest.strip())
    if investee and "유치" not in rest and _INVESTOR_LIKE.search(name):
        return None  # "씨엔티테크, 플랜트너 투자": the name before the comma is the investor
    if re.search(r"에\s?[^,]{0,30}?(?:투자|베팅)(?!\s?유치)", rest) and "유치" not in rest:
        return None  # "배달의민족, 미국 로봇 스타트업에 2백만 달러 투자": an investor's move
    return name


def _ko_name_before_deal(s: CjkStory) -> str | None:
    """ "딥페이크 방어 스타트업 스틸컷 시드 투자 유치": the word before the deal words."""
    m = re.search(
        r"([^\s,‘’'\"“”]+)[’'\"”]?\s(?:[\d,.]+\s?(?:억|만|조)\s?(?:원|달러)?\s?(?:규모\s?)?)?"
        r"(?:(?:시드|프리\s?A|Pre-?A|시리즈\s?[A-Z]|브릿지)\s?(?:투자\s?)?|투자\s?)유치",
        _ko_segment(s.title),
    )
    if m and not _KO_VERB_ENDING.search(m.group(1)) and not re.search(r"\d|억", m.group(1)):
        return m.group(1)
    return None


def _ko_opener_and_target(title: str) -> tuple[str, str] | None:
    """ "서울대기술지주, 엔비디아 밖에서도 로봇 AI 돌린다…바이스트라타 투자": an investor opens the
    headline, the company and 투자 close it: (investor, company)."""
    parts = [p.strip() for p in re.split(r"…|\.\.\.|⋯", title) if p.strip()]
    if len(parts) < 2:
        return None
    first = re.match(r"^([^\s,]+),", parts[0])
    last = re.match(
        r"^[‘'\"“]?([^\s‘’'\"“”,]+)[’'\"”]?\s(?:시드\s?|지분\s?|후속\s?)?투자$", parts[-1]
    )
    if first and last and _INVESTOR_LIKE.search(first.group(1)) and _name_like(last.group(1)):
        return first.group(1), last.group(1)
    return None


def _ko_investee_after_ellipsis(s: CjkStory) -> str | None:
    pair = _ko_opener_and_target(s.title)
    return pair[1] if pair else None


def _ko_investee(s: CjkStory) -> str | None:
    """An investor as subject: "더벤처스 ‘오블리뷰’에 시드 투자", "네이버 D2SF, 23세기아이들에
    베팅", "씨엔티테크, 플랜트너 투자"."""
    segment = _ko_segment(s.title)
    quoted = re.search(
        r"[‘'\"“]([^‘’'\"“”]{2,20})[’'\"”]에\s?[^,…]{0,30}?(?:투자|베팅)(?!\s?유치)", segment
    )
    if quoted and _name_like(quoted.group(1)):
        return quoted.group(1)  # "…클리닉 ‘리전 헬스’에 투자": a quoted name keeps its space
    m = re.search(
        r"[‘'\"“]?([^\s‘’'\"“”,]+)[’'\"”]?에\s?(?:최대\s?|약\s?)?"
        r"(?:[\d,.]+\s?(?:억|조|백만|만|천)\s?(?:원|달러)?\s?(?:규모\s?)?(?:의\s?|을\s?|를\s?)?"
        r"(?:이상\s?)?)?(?:시드\s?|후속\s?|신규\s?|전략적?\s?|대규모\s?|추가\s?|지분\s?)?(?:투자|베팅)(?!\s?유치)",
        segment,
    )
    if m and _name_like(m.group(1)):
        return m.group(1)
    m = re.search(
        r"([^\s,]+),\s*(?:[^,]*?\s)?[‘'\"“]?((?!시드|지분)[^\s‘’'\"“”,]+)[’'\"”]?\s(?:시드\s?|지분\s?)?투자"
        r"(?:$|…|\.\.\.|\s?(?:를\s?)?(?:주도|이끌))",
        segment,
    )
    if (
        m
        and "유치" not in segment
        and not _INVESTOR_LIKE.search(m.group(2))
        and _name_like(m.group(2))
    ):
        return m.group(2)
    return None


_KO_INVESTED_IN = re.compile(
    r"([^\s‘’'\"“”,(（]+)(?:\s?[(（][^)）]{1,40}[)）])?에\s?[^.]{0,40}?(?:투자|베팅)(?:했|한다|하기로|를)"
)


def _ko_summary_name(s: CjkStory) -> str | None:
    for sentence in s.sentences[:2]:
        invested = _KO_INVESTED_IN.search(sentence)  # "X이 베어로보틱스(…)에 200만 달러를 투자했다"
        if invested and _name_like(invested.group(1)) and "유치" not in sentence[: invested.end()]:
            return invested.group(1)
        for m in re.finditer(r"([^\s(（]+)(?:\([^)]*\))?(?:이|가|은|는)\s", sentence):
            if re.search(r"(?:하|되|있|없|않|이|보)$", m.group(1)):
                continue  # "운영하는": a verb's form, not a name
            if re.search(r"투자|유치|조달", sentence) and _name_like(m.group(1)):
                return m.group(1)
            break
    return None


_JA_DEAL = r"(?:調達|出資|投資|資金調達|増資|ファイナンス|資金獲得)"
_JA_DESCRIPTOR_END = re.compile(
    r"(?:大手|企業|会社|スタートアップ|ベンチャー|メーカー|新興|開発|運営|手がける|手掛ける)$"
)


# kanji before a katakana name that describe or place it ("配車大手グラブ", "米テスラ")
_JA_HEAD_NOT_NAME = re.compile(  # a country's one-letter prefix ("米", "中") only on its own
    r"(?:大手|企業|会社|新興|発|系|製|社|同|新|旧|元|前|子)$|^[米中日英独仏韓台印欧豪加]$"
)


def _ja_tail(text: str) -> str | None:
    """The name that ends `text`: after the last の, 、, ・ or bracket; its katakana or Latin run
    when it has one ("東南アジア配車大手グラブ" → グラブ), else the whole short segment (叮当快薬)."""
    text = re.sub(r"[（(][^()（）]{1,12}[)）]\s*$", "", text.strip())  # "大日工事(仙台市)": a place
    latin = re.search(
        r"(?<![A-Za-z0-9.&-])[A-Za-z][A-Za-z0-9.&-]*(?:\s[A-Za-z0-9][A-Za-z0-9.&-]*){0,3}$",
        text.strip(),
    )
    if latin and not re.fullmatch(r"[\d.\-]+", latin.group(0)):
        kana = re.split(_JA_TAIL_SPLIT, text.strip()[: latin.start()])[-1]
        if re.fullmatch(r"[ぁ-ゖ]{2,5}", kana) and kana not in _JA_HIRAGANA_NOT_NAME:
            return kana + latin.group(0)  # "ひろさきLI": hiragana and Latin letters
        return latin.group(0)  # "Sakana AI": a Latin name keeps its spaces
    dotted = re.search(
        r"(?<![ァ-ヶー・A-Za-z])(?:[A-Z][A-Za-z]{0,3})?[ァ-ヶー]{2,}(?:・[ァ-ヶー]{2,})+(?=(?:は|が)?$)",
        text.strip(),
    )
    if dotted:
        return dotted.group(0)  # "プロメセラ・バイオサイエンシズ": a foreign name's parts
    segment = re.split(_JA_TAIL_SPLIT, text.strip())[-1]
    segment = re.sub(r"(?<=[ァ-ヶー])(?:は|が)$", "", segment)  # "スマートニュースは"
    if re.search(r"(?:直前|直後|以降|前|後|時|際|中|年|月|日)$", segment):
        return None  # "上場直前に外部出資": a time, not a company
    run = re.search(r"[ァ-ヶーA-Za-z0-9&.\-]{2,}$", segment)
    if run and _JA_DESCRIPTOR_END.fullmatch(run.group(0)):
        return None  # "…のスタートアップが550万ドル調達": a description, the summary names it
    if run and not re.fullmatch(r"[\d.\-]+", run.group(0)):
        head = segment[: run.start()]
        if re.fullmatch(r"[\u4e00-\u9fff]{1,3}", head) and not _JA_HEAD_NOT_NAME.search(head):
            return segment  # "大熊ダイヤモンドデバイス", "有機米デザイン": kanji and katakana
        if re.fullmatch(r"[ぁ-ゖ]{2,5}", head) and head not in _JA_HIRAGANA_NOT_NAME:
            return segment  # "ひろさきLI": a name in hiragana and Latin letters
        return run.group(0)
    if 2 <= len(segment) <= 10 and not _JA_DESCRIPTOR_END.search(segment):
        return segment
    return None


# where a name's run ends, reading back from the deal: particles, punctuation, verb endings
_JA_TAIL_SPLIT = r"[の、，,・「」『』【】\s!！?？:：”“\"。]|する|した|を|手[掛が]け[るた]"
# hiragana words that open a clause, never a name
_JA_HIRAGANA_NOT_NAME = frozenset(
    {"さらに", "また", "および", "ついに", "なお", "まず", "いよいよ"}
)


def _ja_subject(s: CjkStory) -> str | None:
    name = _ja_subject_shapes(s)
    return name if name and _name_like(name) else None  # "同社", "本ラウンド": no names


def _ja_subject_shapes(s: CjkStory) -> str | None:
    """Japanese headline shapes: "トヨタ、グラブに10億ドル出資" (the investor first, the company
    before に), "…のアストロスケールが124億円調達" (が), "スマートニュース、シリーズFで…調達" (the
    topic before the comma), "オイシイベリー 5000万ドル調達" (the name before the figure)."""
    title = re.sub(r"^【[^】]*】\s?", "", s.title)
    m = re.search(
        r"(?:^|[、，はがの])\s?([^、，はが]{1,36}?)に(?!よる|より|おける|ついて|向け)(?:対し[、，]?)?"
        r"[^、。]{0,20}?(?:出資|投資|投入)",
        title,
    )
    if m:  # the company money goes into: "トヨタ、グラブに10億ドル出資"
        return _ja_tail(m.group(1))
    # a release's opening topic: "株式会社スマートバンクは、シリーズBラウンドにおいて、…調達"
    m = re.match(r"^(?:株式会社|合同会社)?\s?([^、。はが]{1,30}?)\s?(?:株式会社)?は[、，]", title)
    if m and re.search(_JA_DEAL, title[m.end() :]):
        name = _ja_tail(m.group(1))
        if name:
            return name
    m = re.search(rf"(.{{1,30}}?)(?:による|にて)[^、。]{{0,20}}?{_JA_DEAL}", title)
    if m and not re.search(r"(?:増資|割当|発行|ラウンド)$", m.group(1)):
        return _ja_tail(m.group(1))  # "SpaceXによる約897億円新資金調達"
    # "プロドローンは10月24日、シリーズCで…調達": a date may follow the topic
    m = re.search(
        rf"(.{{1,40}}?)(?:が|は)(?:\d{{1,2}}月\d{{1,2}}日[、，])?[^、。が]{{0,40}}?{_JA_DEAL}",
        title,
    )
    if m and not re.search(r"(?:など|ら|等)$", m.group(1)):  # "関西電力などが…出資": investors
        name = _ja_tail(m.group(1))
        if name:
            return name
    m = re.search(rf"^(.{{1,40}}?)[、，]\s?[^。]{{0,60}}?{_JA_DEAL}", title)
    if m:
        name = _ja_tail(m.group(1))
        if name:
            return name
    m = re.match(r"^(\S{2,20})\s+(?:約)?[\d.,]+\s?(?:億|万|百万)", title)
    return _ja_tail(m.group(1)) if m else None


def _ja_summary_subject(s: CjkStory) -> str | None:
    """A headline that only describes the company ("中国配車大手に出資"): the summary's first
    sentences name it, in brackets or as the subject of the deal."""
    for sentence in s.sentences[:2]:
        quoted = re.search(r"[「『]([^」』]{2,24})[」』]", sentence)
        if quoted and _name_like(quoted.group(1)):
            return quoted.group(1)
        name = _ja_subject(CjkStory(s.language, sentence[:200], "", (), ()))
        if name:
            return name
    return None


# a stage and its sum without a verb: "Ubie、シリーズCで41億円"
_JA_STAGE_SUM = re.compile(
    r"(?:プレ)?(?:シリーズ\s?[A-H]|シード)(?:ラウンド)?で[約\d.,]+\s?(?:億|万)円"
)
_JA_LATIN_NAME = re.compile(
    r"([ァ-ヶー]*)(?<![A-Za-zÀ-ɏ0-9])([A-Za-zÀ-ɏ][A-Za-zÀ-ɏ0-9.&'’-]*(?:\s[A-Za-z0-9][A-Za-zÀ-ɏ0-9.&'’-]*){0,3})"
    r"(?:、|が|は|\s?[（(])"
)


def _ja_name(s: CjkStory) -> str | None:
    """A Latin name before the deal ("ŸnsectがN億円調達"), with the katakana it is written
    with ("オープンAI、66億ドルを調達") unless that katakana only describes it ("ベンチャーApollo")."""
    for m in _JA_LATIN_NAME.finditer(s.title):
        kana, latin = m.group(1), m.group(2)
        if not kana and re.fullmatch(r"(?:CEO|CTO|COO|CFO|AI|IT|VC)", latin):
            continue  # "…の元CEOが…調達": a person's role, not a name
        if re.match(
            r"[、，]?\s?[^、。]{1,30}?に[^、。]{0,20}?(?:出資|投資|投入)", s.title[m.end() :]
        ):
            continue  # "ソフトバンクG、OpenAIに…出資": the investor, the company comes after
        if re.fullmatch(
            r"(?:プレ)?(?:シリーズ)?[A-H]\d?|(?:Pre-?)?(?:Series )?[A-H]\d?", kana + latin
        ):
            continue  # "シリーズC(経営安定期)": the round, not a name
        if not (
            re.search(_JA_DEAL, s.title[m.end() :])
            or _JA_STAGE_SUM.search(s.title, m.end())
            or _JA_FUNDING.search(s.title, m.end())
        ):
            break
        return kana + latin if kana and not _JA_DESCRIPTOR_END.search(kana) else latin
    reason = re.search(r"([^\s、。「」]+)に投資した理由", s.title)
    return reason.group(1) if reason else None


COMPANY_RULES = {
    "zh": [
        ("zh investor's target", _zh_invested_in),
        ("zh quoted name", _quoted_name),
        ("zh a description in the title, the name in the summary", _zh_described_in_title),
        ("zh name before the verb", _zh_name_before_verb),
        ("zh summary name", _zh_summary_name),
        ("zh the title's Latin name", _zh_latin_in_title),
        ("zh a Latin name after the summary's description", _zh_latin_after_description),
    ],
    "ko": [
        ("ko investor as subject", _ko_investee),
        ("ko investor first, the company before 투자 at the end", _ko_investee_after_ellipsis),
        ("ko name before the comma", _ko_comma_name),
        ("ko quoted name", _quoted_name),
        ("ko name before the deal words", _ko_name_before_deal),
        ("ko summary subject", _ko_summary_name),
    ],
    "ja": [
        ("ja quoted name", _quoted_name),
        ("ja name before the deal", _ja_name),
        ("ja headline subject", _ja_subject),
        ("ja summary subject", _ja_summary_subject),
    ],
}


_BRACKETED_LATIN = re.compile(rf"[^\s（(，,]{{0,8}}?\s?[（(]\s?({_LATIN_NAME})\s?[)）,，]")
_LATIN_THEN_SHORT_NAME = re.compile(
    rf"[（(]\s?({_LATIN_NAME})\s?[，,]\s?(?:下称|以下简称|简称)\s?[“\"「]"
)


def latin_name(name: str, s: CjkStory) -> str | None:
    """The Latin name the story gives in brackets after the native one: "昆腾动力（Quantum
    Dynamics）", "스틸컷(StealCut)", "杭州原子矩阵计算有限公司（MatriQ，下称“原子矩阵”）"."""
    if re.match(r"^[A-Za-z0-9]", name):
        return None
    text = s.title + " " + s.summary
    at = text.find(name)
    while at >= 0:  # the name, a few more characters of it at most, then "（Latin Name）"
        m = _BRACKETED_LATIN.match(text, at + len(name))
        if m:
            return m.group(1).strip()
        at = text.find(name, at + 1)
    for m in _LATIN_THEN_SHORT_NAME.finditer(text):
        if text.startswith(name, m.end()):
            return m.group(1).strip()
    return None


# --- money, round, investors --------------------------------------------------------------

_VALUATION_BEFORE = re.compile(
    r"(?:估值|評価額|기업\s?가치|밸류에이션|时价总额|時価総額)[^，,。]{0,9}$"
)
_VALUATION_AFTER = re.compile(r"^\s?(?:의|的)?\s?(?:(?:기업\s?)?가치|估值|評価額|밸류)")
_NOT_ROUND_BEFORE = re.compile(
    r"(?:累计|累計|누적|总计|合计|共|营收|売上|매출|收入|市值|注册资本|[\d一二三四五六七八九十两]+轮"
    r"|个月|半年|一年内|年内)[^，,。]{0,8}$"
)
_ROUGH = re.compile(r"^(?:超|近|约|約|逾|过|약)|^[亿億千百]")


def _round_money(text: str, money: list[CjkMoney]) -> CjkMoney | None:
    previous_end = 0
    for m in money:
        # a cue before an earlier figure is that figure's ("기업가치 1조 인정받고 800억 투자 유치")
        before = text[max(previous_end, m.start - 12) : m.start]
        previous_end = m.end
        after = text[m.end : m.end + 8]
        if (
            _VALUATION_BEFORE.search(before)
            or _VALUATION_AFTER.match(after)
            or _NOT_ROUND_BEFORE.search(before)
            or _NOT_ROUND_AFTER.match(after)
        ):
            continue
        return m
    return None


# money a fund manages, not a round: "1000億円運用のファンズ", "5000억원 규모 펀드"
_NOT_ROUND_AFTER = re.compile(r"^\s?(?:を?運用|規模のファンド|의?\s?규모의?\s?펀드|规模的?基金)")


def _valuation(text: str, money: list[CjkMoney]) -> CjkMoney | None:
    for m in money:
        before = text[max(0, m.start - 12) : m.start]
        if m.amount and (
            _VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(text[m.end : m.end + 8])
        ):
            return m
    return None


def _more_exact(rough: CjkMoney, text: str, lead: CjkMoney | None, lead_text: str) -> bool:
    """ "超亿元" in the headline, "1.4亿元" in the summary: the exact figure of the same round."""
    if lead is None or lead.amount is None or rough.amount is None:
        return False
    figure = text[rough.start : rough.end].strip()
    exact = lead_text[lead.start : lead.end].strip()
    return (
        bool(_ROUGH.search(figure))
        and not _ROUGH.search(exact)
        and rough.amount * 0.5 <= lead.amount <= rough.amount * 2
        and lead.currency == rough.currency
    )


_ROUND = re.compile(
    r"(?P<pre>Pre[-\s]?|pre[-\s]?|プレ|프리\s?(?:시리즈\s?)?)?"
    r"(?:(?:シリーズ\s?|시리즈\s?|Series\s)(?P<letter>[A-H])(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?P<zh>[A-H])(?:\d|\+)*\s?(?:新一)?轮"
    r"|(?:(?<=[Pp]re)|(?<![A-Za-z0-9]))(?P<alone>A)(?=\s?(?:투자|라운드|ラウンド|유치)))"
    r"|(?P<seedpre>プレシード|프리\s?시드|pre-?seed)"
    r"|(?P<seed>天使|种子|シード|エンジェル|시드|엔젤)"
    r"|(?P<bridge>브릿지|ブリッジ)|(?P<debt>デット|融資を受け)",
    re.I,
)
_GRANT = re.compile(r"팁스|TIPS|補助金|助成金|정부\s?과제")
_PAST = re.compile(
    r"(?:지난|이전|앞서|此前|之前|上一轮|上轮|去年|上月|前回|昨年|曾)[^，,。.]{0,12}$"
)


def _round(text: str, *, grants: bool = True) -> str | None:
    loan = None  # "デット含め…シリーズC調達": debt beside a stage is part of that stage
    for m in _ROUND.finditer(text):
        if _PAST.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "此前完成的B轮", "지난 2월 프리시드": an earlier round
        letter = m.group("letter") or m.group("zh") or m.group("alone")
        if letter:
            if m.group("pre"):
                return "pre-series-a" if letter.lower() == "a" else None
            return f"series-{letter.lower()}"
        if m.group("seedpre"):
            return "pre-seed"
        if m.group("seed"):
            return "seed"
        loan = loan or next(k for k in ("bridge", "debt") if m.group(k))
    if loan:
        return loan
    return "grant" if grants and _GRANT.search(text) else None


_SPLIT_NAMES = re.compile(r"[、，,及与·/]|\s및\s|\s와\s|\s과\s|\s그리고\s")
_NOT_INVESTOR = re.compile(
    r"老股东|多家|知名|一家|国内|产业资本|机构|投资方|本轮|头部|国资|新股东|公司|获悉|作者|编辑"
    r"|完成|融资|宣布|用于|资金|金额|近日|近期|上市|团队|단계|라운드|투자|연구실|이번|통해"
    r"|^悉$|^此外$|^以$|^投资$|^(?:프리|시리즈|시드|브릿지)|产能|扩充|交易|智能制造|产业方$|^其他|[\d千万亿]元$|以$|早期天使投资人|推广$|搭建|天使$"
)


_LEAD_IN = re.compile(
    r"^(?:其中)?(?:(?:[A-H]\d?\+*|Pre-?[A-H]\d?|天使|种子|战略|新一)轮(?:融资)?)?"  # "其中A1轮由锡高投"
    r"(?:分别由|本轮由|本轮融资由|由|获|包括|为|以及|投资方为|投资方包括|并)?"
)


def _clean_investor(raw: str) -> str | None:
    name = raw.strip(" 　“”\"'‘’「」")
    name = _LEAD_IN.sub("", name)
    if "担任" in name:  # "木雁资本担任独家财务顾问": an adviser, not an investor
        return None
    name = re.sub(
        r"(?:等.*|多方|联合投资|共同投资|联合VC|联合|共同|参与|持续|超额|继续|领投|跟投|参投|追投|同步)+的?$",
        "",
        name,
    )
    # a listed investor's stock code, wherever it stands: "广汽(HK2238)资本", "…（600558）"
    name = re.sub(r"\s?[（(](?:HK|SH|SZ|BJ)?[.:：]?\d{4,6}(?:\.(?:HK|SH|SZ))?[)）]\s?", "", name)
    name = re.sub(r"^.*?管理的(?=.{2,})", "", name)  # "安芙兰资本管理的黄山战新基金" → the fund
    if re.fullmatch(r"(.{2,12}?)管理的(?:基金|投资工具|实体)", raw.strip()):
        name = raw.strip().split("管理的")[0]
    if re.search(r"[“”\"]|获|[\d千万亿]+(?:元|美元)|投资\d", name):
        return None  # "智谷天厨”获招商局创投", "其中险峰长青投资100万美元": a clause, not a name
    name = re.sub(r"^.*旗下", "", name)  # "广汽集团旗下广汽资本" → 广汽资本
    bracket = re.search(rf"[（(]\s?({_LATIN_NAME})\s?[)）]$", name)
    if bracket:  # "奥博资本（OrbiMed）" → the Latin name the story gives
        name = bracket.group(1)
    name = (
        re.sub(r"\s?[（(][^()（）]*[)）]?$", "", name) or name
    )  # "道禾基金(LP是东方精工": an aside
    name = re.sub(r"(?:에서|으로부터|로부터|에|서|를|을|이|가)$", "", name).strip()
    name = re.sub(r"^[가-힣A-Za-z0-9]+(?:은|는)\s+(?=\S)", "", name)  # "베라모어는 라쿠텐 캐피탈"
    if not name or len(name) > 20 or _NOT_INVESTOR.search(name):
        return None
    return name


def _names(text: str) -> list[str]:
    pieces: list[str] = []
    for piece in _SPLIT_NAMES.split(text):
        parts = _LEAD_IN.sub("", piece.strip()).split("和")
        # "和" joins two names ("红杉和IDG") but is also inside one ("和而泰", "鼎和高达")
        pieces += parts if all(len(p.strip()) >= 2 for p in parts) else [piece]
    return [n for n in (_clean_investor(x) for x in pieces) if n]


def _clause_before(text: str, end: int) -> str:
    """The clause that ends at `end`: back to the last sentence or clause break."""
    return re.split(r"[。；;，,：:|｜！？!?…]", text[:end])[-1]


def _zh_investors(text: str) -> tuple[list[str], list[str]]:
    leads: list[str] = []
    others: list[str] = []
    for m in re.finditer(r"(?:联合|共同)?领投", text):
        clause = _clause_before(text, m.start())
        # "零一万物获阿里云领投", "获得阿里巴巴领投的…融资": the name after 获(得)
        leads += _names(re.split(r"获得?", clause)[-1])
    for m in re.finditer(r"(?:等)?(?:跟投|参投|追投|联合投资|参与投资|共同投资)", text):
        others += _names(_clause_before(text, m.start()))
    listed = re.search(r"投资方(?:包括|为)([^。；]{2,80})", text)
    if listed:
        others += _names(re.split(r"[。；]", listed.group(1))[0])
    by = re.search(
        r"本轮(?:融资)?由([^。；，]{2,60}?)(?:联合|共同|参与)?(?:投资|参与)(?:[，。；]|$)", text
    )
    if by:
        others += _names(by.group(1))
    # "拿到了阿里的投资", "获得红杉的投资": the one whose investment it is
    for m in re.finditer(r"(?:拿到了?|获得了?)([^，。；|｜的\s]{2,12})的(?:战略)?投资", text):
        others += _names(m.group(1))
    # "腾讯出手，投了…", "红杉中国又投了一家…": the one who 投了
    for m in re.finditer(
        r"(?:^|[，。；|｜：:\s])([^，。；|｜：:\s]{2,12}?)(?:出手)?[，,]?(?:又|再|也)?投了", text
    ):
        others += _names(m.group(1))
    # "英伟达宣布向SB Energy投资15亿美元", "云锋基金等入股比特智路": the subject invested
    for m in re.finditer(
        r"(?:^|[，。；|｜：:\s])([^，。；|｜：:\s]{2,20}?)(?:宣布)?(?:向[^，。；]{1,24}?投资|等?入股)",
        text,
    ):
        others += _names(m.group(1))
    got = re.search(
        r"获得?([^，。；]{2,30}?)(?:等)?(?:[超近约]?[\d数几千百亿万.]+[元美金]*)?(?:天使轮|种子轮|[A-H]轮|战略)?(?:融资|投资)",
        text,
    )
    if got and not re.search(r"新一轮|融资|[\d数]", got.group(1)):
        others += _names(got.group(1))
    return leads, others


def _ko_investors(text: str) -> tuple[list[str], list[str]]:
    leads: list[str] = []
    others: list[str] = []
    for m in re.finditer(r"(?:공동\s?)?(?:주도로|리드로|(?:이|가)\s리드하고)", text):
        leads += _names(_clause_before(text, m.start()))
    # "KT, 팹리스 '리벨리온' 투자 이끌며": the name before the comma leads the round
    led = re.match(r"^(?:\[[^\]]*\]\s?)?([^\s,]+),[^,…]*?투자\s?(?:를\s?)?(?:주도|이끌)", text)
    if led:
        leads += _names(led.group(1))
    for m in re.finditer(r"(?:\s?등)?(?:으로부터|로부터)\s", text):
        others += _names(_clause_before(text, m.start()))
    for m in re.finditer(r"(?:가|이)\s(?:후속\s)?투자자로\s참여", text):
        others += _names(_clause_before(text, m.start()).split()[-1])
    for m in re.finditer(r"([^\s,·…]+(?:·[^\s,·…]+)*)(?:\s등)?서\s", text):
        others += _names(m.group(1))
    # "위글리, 스트롱벤처스 시드 투자 유치": a name between the comma and the deal words
    named = re.search(
        r",\s([^\s,]+(?:·[^\s,]+)*)\s(?:(?:시드|프리\s?A|Pre-?A|시리즈\s?[A-Z])\s?)?투자\s?유치",
        text,
    )
    if named and not re.search(r"\d|억|원|^(?:프리|시리즈|시드|브릿지)", named.group(1)):
        others += _names(named.group(1))
    # "서울대기술지주, …바이스트라타 투자": the investor opens the headline
    pair = _ko_opener_and_target(text.split("。", 1)[0])
    if pair:
        others += _names(pair[0])
    # "KT가 리벨리온에 300억원을 투자했다": the subject invested
    for m in re.finditer(
        r"([^\s,….]+)(?:가|이)\s[‘'\"“]?[^\s‘’'\"“”]+?[’'\"”]?에\s?[^.。…]{0,30}?(?:투자|베팅)(?:했|한다|하기로)",
        text,
    ):
        others += _names(m.group(1))
    # "…더벤처스, 리브라헬스 시드 투자": the name before the comma invested (no 유치: not raised)
    backer = re.search(r"([^\s,….]+),\s*[^,….。]*?\s(?:시드\s?|지분\s?|후속\s?)?투자(?=。|$)", text)
    if backer and not re.search(r"\d|억|원", backer.group(1)):
        others += _names(backer.group(1))
    return leads, others


# a Japanese investor's name: Latin words, or a run without particles or clause marks
_JA_CHAR = r"(?:(?!から|など|より)[^\s、。「」（）()をがはにでとものへや])"
_JA_NAME = (
    rf"(?:{_LATIN_NAME}{_JA_CHAR}{{0,30}}|{_JA_CHAR}{{1,40}})"  # bounded: no regex grows with n²
)
# a name starts at a break (a particle, a mark, a space): the pattern is only tried there
_JA_START = r"(?<![^\s、。「」（）()をがはにでとものへや—―:：])"
_JA_LIST = rf"{_JA_START}{_JA_NAME}(?:(?:、|および|及び|と|や|,\s?){_JA_NAME}){{0,8}}"
_JA_NOT_INVESTOR = re.compile(
    r"既存|投資家|事業会社|金融機関|ベンチャーキャピタル|複数|各社|\d|[一二三四五六七八九十]社|同社|当社"
    r"|増資|調達|ラウンド|シリーズ|総額|リード|主導|(?:し|て)$"
)


def _ja_names(text: str) -> list[str]:
    names = re.split(r"、|および|及び|と|や|,\s?", text)
    cleaned = (re.sub(r"(?:など|等|ら)$", "", x.strip(" 　「」")) for x in names)
    return [n for n in cleaned if n and not _JA_NOT_INVESTOR.search(n)]


def _ja_investors(text: str) -> tuple[list[str], list[str]]:
    leads = [
        m.group(1)
        for m in re.finditer(rf"({_LATIN_NAME}|[^\s、「」—―]{{1,40}})が(?:主導|リード)", text)
    ]
    # "…41億円　ゴールドマン・サックス主導": a headline's last words name the lead
    leads += [
        m.group(1) for m in re.finditer(rf"[\s　]({_JA_NAME})(?:の)?(?:主導|リード)(?:。|$)", text)
    ]
    # "リード投資家はゴールドマン・サックス", "Eight Roads Ventures Japanをリード投資家として"
    for m in re.finditer(rf"リード(?:投資家|インベスター)(?:は|に)、?\s?({_JA_NAME})", text):
        leads += _ja_names(m.group(1))
    for m in re.finditer(rf"({_JA_NAME})をリード(?:投資家|インベスター)", text):
        leads += _ja_names(m.group(1))
    others = [
        m.group(1)
        for m in re.finditer(rf"({_LATIN_NAME}|[^\s、「」—―]{{1,40}})ら(?:が)?出資", text)
    ]
    # who took the new shares: "引受先はA、B", "A、Bを引受先とする", "A、Bから資金調達"
    for pattern in (
        rf"(?:引受先|割当先|割当予定先)(?:は|として)、?({_JA_LIST})",
        rf"({_JA_LIST})(?:など|等|ら)?を(?:引受先|割当先)",
        rf"({_JA_LIST})(?:など|等|ら)?(?:から|より)(?:の)?(?:総額)?(?:約)?[\d,.億万円ドル]*(?:を|の)?"
        r"(?:資金調達|出資|調達|投資)",
        # "フォードとBMWが全固体電池のSolid Powerに142.2億円を投入": the subject paid
        rf"(?:^|[、。\s])({_JA_LIST})が[^、。]{{1,30}}?に[^、。]{{0,20}}?(?:出資|投資|投入)",
        # "このラウンドは…がリードし、Hearst Venturesが参加した": who joined the round
        rf"({_JA_LIST})(?:など|等|ら)?が(?:同ラウンドに)?参加",
        # "ゴールドマン・サックスやNVenturesが出資"
        # (not a relative clause: "鳥取銀行などが出資する「…ファンド」が" names the fund's backers)
        rf"({_JA_LIST})(?:など|等|ら)?が(?:出資|投資|引き受け)(?!する[^。]|している)",
    ):
        for m in re.finditer(pattern, text):
            others += _ja_names(m.group(1))
    # after the deal, the headline's last words name who paid: "…調達——ANRI、East Venturesから",
    # "…調達 KDDIなどから", "…資金調達、クールジャパン機構など" (the headline only: text is the
    # headline, "。", then the lead)
    headline = text.split("。", 1)[0]
    # "ソニー、AstroXに投資", "トヨタ、グラブに10億ドル出資": the topic invested
    topic = re.match(
        rf"^({_JA_NAME})[、，]\s?[^、。]{{1,40}}?に[^、。]{{0,20}}?(?:投資|出資)", headline
    )
    if topic:
        others += _ja_names(topic.group(1))
    last = re.search(
        rf"{_JA_DEAL}[^、。]{{0,12}}?(?:——|―|—|、|，|\s)\s?({_JA_LIST})(?:(?:など|等|ら)(?:から)?|から)$",
        headline,
    )
    if last:
        others += _ja_names(last.group(1))
    return leads, others


_INVESTORS = {"zh": _zh_investors, "ko": _ko_investors, "ja": _ja_investors}

# --- one extraction -----------------------------------------------------------------------


def extract_cjk(title: str, summary: str, language: str) -> Extraction:
    """The deal a Chinese, Japanese or Korean story reports, or its kind when it is none."""
    s = read_cjk(title, summary, language)
    kind, kind_rule = first(KIND_RULES, s)
    kind = kind or "other"
    if kind not in ("funding", "rumor"):
        return Extraction(
            kind=kind, language=language, rules=(("kind", kind_rule or "cjk nothing found"),)
        )
    company, company_rule = first(COMPANY_RULES[language], s)
    aliases: tuple[str, ...] = ()
    bracket = re.match(rf"^(.+?)\s?[（(]\s?({_LATIN_NAME})\s?[)）]$", company or "")
    if bracket:  # 「昆腾动力（Quantum Dynamics）」
        company, aliases = bracket.group(2), (bracket.group(1),)
    elif company:
        latin = latin_name(company, s)
        if latin:
            company, aliases = latin, (company,)
    if company:
        company = _LEGAL_FORM.sub("", company).strip() or company
    if company and re.fullmatch(r"[A-Z]{1,2}\s?(?:사|社|公司)", company):
        company = None  # "스타트업 A사": a company the story will not name
    if is_listed(company) or is_listed(aliases[0] if aliases else None):
        return Extraction(  # "英伟达以10亿美元投资获得Naver的4.5%股份": a listed company's stake
            kind="other", language=language, rules=(("kind", "cjk a long-listed company's money"),)
        )
    lead_text = " ".join(s.sentences[:3])
    chosen = _round_money(s.title, list(s.money))
    money_rule = "cjk title money"
    body_money = [  # a registry filing's registered capital is no round ("注册资本由…增至…")
        m
        for m in find_cjk_money(lead_text, language)
        if "注册资本" not in lead_text[max(0, m.start - 40) : m.start]
    ]
    body_chosen = _round_money(lead_text, body_money)
    if chosen is None or chosen.amount is None:
        if body_chosen is not None and (chosen is None or body_chosen.amount is not None):
            chosen, money_rule = body_chosen, "cjk summary money"
    elif _more_exact(chosen, s.title, body_chosen, lead_text):
        chosen, money_rule = body_chosen, "cjk summary's exact figure"
    valuation = _valuation(s.title, list(s.money)) or _valuation(
        lead_text, find_cjk_money(lead_text, language)
    )
    round_name = _round(s.title) or _round(_funding_sentence(s) or "", grants=False)
    # the first sentences name the backers; a page with no sentence breaks is read no further
    leads, investors = _INVESTORS[language](s.title + "。" + lead_text[:1500])
    leads = _unique([x for x in leads if x != company])
    investors = _unique([*leads, *[x for x in investors if x != company]])
    amount = chosen.amount if chosen else None
    currency = chosen.currency if chosen and chosen.amount is not None else None
    if amount is None and valuation is not None:
        currency = valuation.currency
    rules = (
        ("kind", kind_rule),
        ("company", company_rule),
        ("amount", money_rule if amount is not None else ""),
    )
    return Extraction(
        kind=kind,
        company=company,
        amount=amount,
        currency=currency,
        amount_usd=to_usd(amount, currency),
        round=round_name,
        valuation=valuation.amount if valuation else None,
        valuation_currency=valuation.currency if valuation else None,
        lead_investors=tuple(leads),
        investors=tuple(investors),
        aliases=aliases,
        language=language,
        rules=rules,
    )


_LEGAL_FORM = re.compile(
    r"\s(?:Co|Inc|Ltd|Corp|LLC|GmbH)\.?$|(?:股份)?有限公司$|^\(주\)|^㈜|^株式会社|株式会社$"
)


def _funding_sentence(s: CjkStory) -> str | None:
    """The summary's first sentence that tells the deal."""
    for sentence in s.sentences[:4]:
        if _FUNDING[s.language].search(sentence) or re.search(r"融资|투자|調達", sentence):
            return sentence
    return None


def _unique(names: list[str]) -> list[str]:
    """Names once each; a short form of another name in the list ("云启" beside "云启资本")
    is the same investor and goes."""
    once = list(dict.fromkeys(n for n in names if n))
    return [n for n in once if not any(o != n and o.startswith(n) and len(n) >= 2 for o in once)]

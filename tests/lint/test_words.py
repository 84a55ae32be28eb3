"""Forbidden phrases are words said: prohibitions and reported speech are not violations; the optional
service-taboos pack is enabled with lint.extends and every entry names its public source."""

from __future__ import annotations

import pytest
from huifang.lint import packs
from huifang.lint.api import lint_paths
from huifang.lint.mention import mentioned
from huifang.lint.normalize import fold

from tests.lint.conftest import lint_text


@pytest.mark.parametrize(
    "line, phrase, named",
    [
        ("我们绝不会说你自己想办法吧", "你自己想办法", True),
        ("不能对客户说我不知道或我不清楚", "我不知道", True),
        ("禁止说：“你自己想办法吧”", "你自己想办法", True),  # a quoted example of what not to say
        ("请勿对客户讲不可能", "不可能", True),
        ("此时对方一般都会问你是谁", "你是谁", True),
        ("您不要着急，你自己想办法吧", "你自己想办法", False),
        ("不可能！我们从没这种事", "不可能", False),
        # a quoted example after 不可以说, and the examples joined to it with 或
        ("不可以说：“喂，不可能的吧。”或“不行，你自己想办法吧！”", "不可能", True),
        ("不可以说：“喂，不可能的吧。”或“不行，你自己想办法吧！”", "你自己想办法", True),
        # a list after a prohibition or a taboo heading and a colon, to the end of the sentence
        ("不得使用以下禁忌语言：不知道、不清楚、不归我管等。", "不归我管", True),
        ("服务忌语：少废话，我不知道，没办法。", "没办法", True),
        ("服务忌语：少废话。客服：这不归我管", "不归我管", False),
        # a quote nothing introduces, or introduced by the agent's own words, is said
        ("“这不归我管，你自己想办法吧”", "你自己想办法", False),
        ("应回答：“很抱歉，这不归我管”", "不归我管", False),
        # a talk that counts the bad sentences it cites, and a story that gives someone else's words
        ("第二句,我不知道!电话打到中国人寿,你不知道谁知道啊?", "我不知道", True),
        ("第三句话也是莫名其妙的话:这不归我管。", "不归我管", True),
        ("这个孙先生拿起电话来:对不起,这个事情不归我管。", "不归我管", True),
        ("他回答说：我不知道。", "我不知道", True),
        ("服务员应回答：这不归我管，但我帮您问问。", "不归我管", False),
        ("第二步，我不知道您的地址，请告诉我", "我不知道", False),
        ("他说：好的。我不知道怎么办", "我不知道", False),
        # a line that quotes what was said after a colon: the words around the quotes are the writer's
        ("心里咯噔一下,但也没办法。对方依然是标准的回答:“好的,我们会尽快为您安排。”", "没办法", True),
        ("阿姨冷笑:“他每天玩这个东西。”我试图安慰,钱?我也不知道", "不知道", True),
        ("客服回答:“这个我不知道，您问别人吧。”", "我不知道", False),
        # a story's quote that the customer says (introduced or followed by the customer speaking)
        ("一位市民在电话里抱怨“我不知道找谁”", "我不知道", True),
        ("“好的，你们从来没这种事！”市民质问道。", "从来没这种事", True),
        ("“好的，这种事我们从来没有过。”客服说。", "从来没有过", False),
        # a talk that cites a sentence by its count retells it in the same paragraph
        ("第二句,我不知道!你不知道谁知道啊?不知道,电话放下了。第二句话是最莫名其妙的话。", "不知道,电话", True),
        # 「比如：」 gives examples of what the sentence before it names (spaces of a copied PDF ignored)
        ("最忌 讳的语言就是训斥患者。比如:“不要动,忍着点”或者 “你这个人怎么这么罗嗦”", "你这个人", True),
        ("这样说客户最满意。比如:“你这个人怎么这么罗嗦”", "你这个人", False),
        # a rule or comment right after the words (the quote, or the list they are in) names them
        ("“我不知道”是服务忌语，不能对客户说。", "我不知道", True),
        ("“没办法”“不归我管”等推诿用语严禁使用。", "不归我管", True),
        ("像“我也没办法”这样的话，坐席一句也不能说。", "我也没办法", True),
        ("回答“不知道”是推诿，应说“请稍等”。", "不知道", True),
        ("说“我不知道”会让客户觉得被推开。", "我不知道", True),
        ("不知道、不清楚、没办法，这些话都属于服务禁语。", "不清楚", True),
        ("不知道、不清楚、没办法，这些话都属于服务禁语。", "不知道", True),
        # 不说 / 从不 are prohibitions; a line marked as the wrong example, or labelled 错误
        ("接听热线不说“不知道”。", "不知道", True),
        ("我们从不说没办法，一起想办法。", "没办法", True),
        ("❌ 我也没办法", "我也没办法", True),
        ("错误：我不知道。", "我不知道", True),
        # 不存在 negates; 忌： introduces quotes of what not to say; a bracketed taboo heading; more wrong marks
        ("您别担心，不存在没办法的情况。", "没办法", True),
        ("忌：“你自己看吧”“没办法”。", "没办法", True),
        ("【禁语】没办法、不知道", "不知道", True),
        ("✖ 没办法，您自己想想办法吧。", "没办法", True),
        ("【温馨提示】没办法办理的业务请到柜台。", "没办法", False),
        # the words used as an excuse, and the agent's words reported without quotes (a story's narration)
        ("部分窗口工作人员常以“不知道”“没办法”等推托。", "没办法", True),
        ("我打电话过去，客服说没办法，只能等。", "没办法", True),
        ("接线员都说不知道，让她自己去查。", "不知道", True),
        ("接线人员冷漠地说:“不知道,你打114查。”", "不知道", False),
        # a rule right after words a verb or 一句 names, or after a list named as words; a quote counted in characters
        ("回答没办法属于推诿行为。", "没办法", True),
        ("一句我不知道会让客户很失望。", "我不知道", True),
        ("不知道、没办法这类话，坐席要杜绝。", "不知道", True),
        ("“没办法”三个字，是客户最不想听到的。", "没办法", True),
        ("把“不归我管”挂在嘴边的客服不是好客服。", "不归我管", True),
        ("我说了没办法，您还要我怎样？", "没办法", False),
        ("没办法，这个属于系统限制。", "没办法", False),
        # said, then a remark that is no rule about the words: still said
        ("没办法，这是规定。", "没办法", False),
        ("“没办法。”客服说完就挂了。", "没办法", False),
        ("我不知道，您是说上周的订单吗？", "我不知道", False),
        ("不说了，没办法，您自己去查吧。", "没办法", False),
    ],
)
def test_prohibition_or_report_before_the_phrase(line, phrase, named):
    folded = fold(line)
    assert mentioned(folded, folded.index(phrase)) is named


def test_prohibited_phrase_is_not_reported(proj):
    text = "客服：请放心，我们绝不会让您自己想办法，也不会说“你自己想办法吧”。\n"
    assert lint_text(proj, "p.txt", text, "forbidden-phrase") == []


def _extend(proj, value: str):
    config = proj / "huifang.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nlint:\n  extends: {value}\n", encoding="utf-8")


def test_pack_is_off_by_default_and_on_with_extends(proj):
    text = "客服：这个我不知道，这不归我管。\n"
    assert lint_text(proj, "q.txt", text, "forbidden-phrase") == []
    _extend(proj, "[default, service-taboos]")
    found = lint_text(proj, "q.txt", text, "forbidden-phrase")
    assert [p.column for p in found] == [4, 11]
    assert all("http" not in p.message and "pack-" not in p.message for p in found)


def test_unknown_pack_is_one_line(proj):
    _extend(proj, "[default, nosuchpack]")
    from huifang.lint.config import ConfigError

    with pytest.raises(ConfigError, match="nosuchpack"):
        lint_paths(proj, [proj / "scripts_src"])


def test_every_pack_entry_has_a_public_source():
    assert packs.names() == ["service-taboos"]
    entries = packs.phrases("service-taboos")
    assert len(entries) >= 10
    for entry in entries:
        assert "https://" in entry.source or "http://" in entry.source, entry.id
    promised = [e for e in entries if e.situation == "承诺收益"]
    assert len(promised) >= 4  # 保本保收益, 稳赚不赔 …: each cites the regulation that forbids it
    for entry in promised:
        assert "《" in entry.source and "本手册的建议" in entry.reason, entry.id


@pytest.mark.parametrize(
    "line, found",
    [
        ("客服：这种事我们从来没有过。", True),
        ("客服：這種情況我們從來沒遇到。", True),
        ("客服：我们从没这种事！", True),
        ("客服：这种事，我们会查，从来没有人投诉过。", False),  # different clauses
        ("客服：请放心，我们绝不会说这种事从来没有。", False),
        ("客户：这种事我们从来没有过。", False),
    ],
)
def test_statement_in_another_word_order(proj, line, found):
    problems = lint_text(proj, "o.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems
    assert len(problems) <= 1


def test_unsure_read_back_is_not_the_taboo(proj):
    _extend(proj, "[default, service-taboos]")
    text = "客服：我再念一遍，我不知道对不对，155 7670 8400。\n客服：这个我不知道。\n"
    assert [p.line for p in lint_text(proj, "r.txt", text, "forbidden-phrase")] == [2]


def test_a_section_headed_as_taboos_lists_words_not_said(proj):
    _extend(proj, "[default, service-taboos]")
    text = (
        "五、服务忌语\n1、我不知道！\n2、这不归我管。\n3、你自己想办法吧。\n"
        "六、文明用语\n客服：这个我不知道，您问别人吧。\n"
    )
    assert [p.line for p in lint_text(proj, "s.txt", text, "forbidden-phrase")] == [6]


def test_impossible_before_a_verb_is_no_denial(tmp_path):
    # 「不可能知道」 says something cannot be done; 「不可能！」 denies what the customer reports (the
    # shipped rule book's entry and its exceptions)
    import shutil
    from pathlib import Path

    root = tmp_path / "real"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", root / "content")
    (root / "huifang.yaml").write_text("lint: {}\n", encoding="utf-8")
    assert lint_text(root, "m.txt", "客服：一个干部都不可能知道全部的事情。\n", "forbidden-phrase") == []
    assert len(lint_text(root, "n.txt", "客服：不可能！我们从没这种事！\n", "forbidden-phrase")) >= 1


@pytest.mark.parametrize(
    "line",
    [
        "客服：我们只管卖，物流不归我们管。",
        "客服：不是，我刚才不是给您说了嘛。",
        "客服：刚才不是告诉你了吗？",
        "客服：你去投诉好了。",
        "客服：你去问快递公司啊，问我干嘛。",
        "催收员：女儿带饭关我屁事？",
    ],
)
def test_pack_finds_the_same_taboo_in_its_other_words(proj, line):
    _extend(proj, "[default, service-taboos]")
    assert len(lint_text(proj, "r.txt", line + "\n", "forbidden-phrase")) == 1


def test_pack_taboos_listed_after_a_prohibition_are_not_said(proj):
    _extend(proj, "[default, service-taboos]")
    text = "第九条 不得使用以下禁忌语言：不知道、不清楚、不归我管、不要问我、不要烦我、我要下班了等。\n"
    assert lint_text(proj, "s.txt", text, "forbidden-phrase") == []


def test_a_list_under_a_prohibition_of_words_is_not_said(proj):
    # a heading line that prohibits words (no 忌语 in it) heads a list of them
    _extend(proj, "[default, service-taboos]")
    text = "禁止出现以下用语：\n1. 我不知道\n2. 没办法\n3. 这不归我管\n"
    assert lint_text(proj, "s.txt", text, "forbidden-phrase") == []
    text = "坐席：您好，请问有什么可以帮您？\n坐席：我真不知道，您问别人吧。\n"
    assert [p.line for p in lint_text(proj, "t.txt", text, "forbidden-phrase")] == [2]


@pytest.mark.parametrize(
    "line, found",
    [
        # said as a sentence of its own (with a filler before or a particle after it), it is the taboo
        ("客服：不知道。", True),
        ("客服：嗯，不知道啊！", True),
        ("客服：系统在处理。不知道，等通知吧。", True),
        # inside a longer sentence it is not: a polite question, a read-back, a customer's words
        ("客服：不知道您现在方便接电话吗？", False),
        ("客服：您知不知道订单号？", False),
        ("客服：我再念一遍，我不知道对不对。", False),
        ("客户：不知道。", False),
        ("客服：接听时不可答复「不知道」。", False),
        ("客服：这样的生活该怎么安排，我们一起看看。", False),
        ("客服：活该！", True),
    ],
)
def test_a_whole_sentence_phrase_counts_only_alone(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "w.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "line",
    [
        "客服：你怎么这么烦啊，刚说完又问。",
        "客服：这是规定，你懂不懂？",
        "客服：我不是说过了吗？",
        "客服：问那么多干什么。",
        "客服：这事别来找我。",
        "客服：快下班了，您明天再打来。",
        "客服：走开，不要妨碍我工作。",
        "客服：自己看清楚再来！",
    ],
)
def test_pack_finds_published_impatient_and_shirking_words(proj, line):
    _extend(proj, "[default, service-taboos]")
    assert len(lint_text(proj, "i.txt", line + "\n", "forbidden-phrase")) >= 1


def test_a_rule_stated_as_this_is_the_rule_is_not_shirking(proj):
    _extend(proj, "[default, service-taboos]")
    text = "客服：这是规定的办理时间，周一到周五都可以。\n"
    assert lint_text(proj, "j.txt", text, "forbidden-phrase") == []


def test_a_customers_quote_in_a_story_is_not_the_agents(proj):
    # a feature story quotes both sides without speaker labels: every line is read as the agent's, so only
    # the story's own attribution tells the caller's words from the agent's
    text = (
        "上午十点，热线电话响了。\n"
        "“我等了三天了，不可能！你们从没这种事？”一位市民在电话里质问。\n"
        "“您别急，我马上帮您查一下。”接线员说。\n"
        "“不可能，我们从没这种事。”另一位接线员的回答后来被投诉了。\n"
    )
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == [4]


def test_a_callers_unattributed_quotes_in_a_story_are_not_the_agents(proj):
    # a feature story gives a call as lines that are each a quote; the narration names the agent now and then,
    # and the lines that answer her are the caller's
    _extend(proj, "[default, service-taboos]")
    text = (
        "“您好,普兰店120,您在哪里?”这是蒋林平每天要重复无数次的话。\n"
        "“我在……唐房这儿……”\n"
        "“唐房还是唐家房?”\n"
        "通话几分钟后蒋林平发现,这是一个不同以往的求救电话。\n"
        "蒋林平追问道:“你是不是煤烟中毒了?快把门窗打开!”\n"
        "“我没办法起床……”\n"
        "“你具体住在哪个位置?没办法，你得告诉我。”\n"
    )
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == [7]


@pytest.mark.parametrize(
    "text, lines",
    [
        # a member of the public's words at the end of narration, no verb of speaking: nobody's on the call
        ("门开了，一位老人警惕地看着门外的人。“你找谁啊?”\n“您好！我是来做人口普查的。”\n", []),
        # quotes nobody is named as saying, one of them to an official: not the agent's
        ("“这个月的钱怎么还没转过来?”\n“法官,实在是没办法,能不能行行方便……”\n执行员每月都要催交案款。\n", []),
        # the narration around the agent's quote is the writer's words
        ("“您好，请问有什么可以帮您？”接线员说。她后来告诉记者，那天她也没办法。\n", []),
        # the role says the side, not the name made anonymous: 接线员张某 speaks for the service, 张某 alone does not
        ("记者调查发现，接线员张某表示：“没办法，你自己去查。”\n", [1]),
        ("据法院介绍，被执行人张某说：“实在是没办法。”\n", []),
        ("那天，客户经理王某表示：“这不归我管。”\n", [1]),
        # a customer named by 先生/女士, or anyone named only by a pronoun, is not the service side
        ("电话接通后，李女士说：“我也没办法，钱早就还了。”\n“那您明天再打来。”\n", []),
        ("那天夜里，接线员问：“您在哪里？”\n“我没办法起床……”他喘着气说。\n", []),
        # the narrator's quote (我 is either side in a first-person story)
        ("电话接通了。我低声说：“我也没办法，再宽限两天吧。”\n", []),
        # a verb of speaking before the quote gives it to the one named: the service side
        ("据测评人员介绍，接线员竟称:“没办法，你自己上网去查。”\n", [1]),
        ("张奇说,“你早干嘛去了?这关我屁事?”\n", [1]),
        # a speaker after the quote
        ("“没办法，要么还钱，要么去报警。”张奇的声音变得很凶。\n", [1]),
        # the next line says whose words the quote before it were (the excerpt starts inside the quote)
        ("我们不是专门管这方面的,我没办法回答你问题。”\n据报道,说出这些话的是某镇政府办的工作人员。\n", [1]),
        # whole-quote lines after an attributed quote take turns: the agent's answer is checked
        ("蒋林平追问道:“你在哪里?”\n“我没办法起床……”\n“没办法，你得告诉我你在哪。”\n", [3]),
        # a call written as quotes, opened by the agent greeting and saying who answers: the turns follow it
        ("“您好，幸福路社区，请讲。”\n“我家水管坏了，我也没办法。”\n“没办法，您找物业吧。”\n", [3]),
        ("“喂，您是王先生吗？”\n“是我，我也不知道怎么回事。”\n“那我也没办法。”\n", [3]),
        # a caller greeting and saying who they are does not open the call as the agent
        ("“喂，韩站长吗？我是东村的村民，麦子黄了，我也没办法。”\n“我这就过去。”\n", []),
        # a file without labels that quotes once, with no speech attributed, is no story: its lines are said
        ("您好，我是幸福物业的客服。\n请注意“节假日”安排。\n没办法，这个不能退。\n", [3]),
    ],
)
def test_in_a_story_only_the_agents_quotes_are_checked(proj, text, lines):
    # a story (no speaker labels, speech in quotes): the narration and quotes the story does not give to the
    # service side are no one's words on the call
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a line without a label right after the customer's goes on with the customer's turn
        ("客服：您好。\n客户：我的快递三天没到了，你们这边\n也没办法吗？\n客服：非常抱歉。\n", []),
        # after the agent's, with the agent's
        ("客服：您好，这个\n没办法退。\n客户：好吧。\n", [2]),
        # a blank line ends the customer's turn: what follows is read as before
        ("客服：您好。\n客户：好的。\n\n没办法，这个不能退。\n", [4]),
        # a customer's or the public's label used once (the reader leaves it in the text): not the agent's
        ("接线员：您好，12345。\n群众：这事你们不管吗？我也没办法了。\n接线员：您别着急。\n", []),
        ("客服：您好。\n王女士：我真不知道怎么办。\n客服：别着急。\n", []),
        ("客服：您好。\n买家：你们是不是没办法发货？\n客服：非常抱歉。\n", []),
        # a short heading that names a situation is no one's words
        ("场景三：没办法满足客户要求时\n客服：非常抱歉，我帮您登记。\n", []),
        ("5.不归我管的问题怎么处理\n应转给相关部门，并告知客户。\n", []),
        ("没办法，这个时候我也帮不了您。\n", [1]),
        # a reply library: the numbered question to the company is the customer's, the answer the agent's
        ("6. 你们是不是没办法退款？\n亲，可以退款的，请您申请售后。\n", []),
        ("6. 可以退款吗？\n亲，没办法退款了。\n", [2]),
    ],
)
def test_a_customers_turn_and_question_are_not_the_agents(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "turns.txt", text, "forbidden-phrase")] == lines


def test_quotes_after_a_scripts_label_stay_the_agents(proj):
    # a script's label before a quote names no speaker: the quoted lines after it are the same script
    _extend(proj, "[default, service-taboos]")
    text = "开场白：“您好，这里是XX物业。”\n“没办法，这个我们处理不了。”\n"
    assert [p.line for p in lint_text(proj, "script.txt", text, "forbidden-phrase")] == [2]


@pytest.mark.parametrize(
    "line, found",
    [
        # the agent's own 不清楚: the example, said alone, with 我们/也/太
        ("客服：这个我不清楚，您问问别的部门。", True),
        ("客服：不清楚。", True),
        ("客服：嗯，不清楚啊。", True),
        ("客服：这个问题我们也不清楚。", True),
        ("客服：这个，这个我们不太清楚。", True),
        # the customer's 不清楚, the line, or a prohibition: not the taboo
        ("客服：如果您不清楚，我再给您说一遍。", False),
        ("客服：有不清楚的地方请随时问我。", False),
        ("客服：不好意思，我这边听不清楚，请您大声一点好吗？", False),
        ("客服：请问您是否清楚合同的内容？", False),
        ("客服：不能对客户说我不清楚，要先帮客户核实。", False),
        ("客户：不清楚。", False),
        ("客户：这个我不清楚。", False),
    ],
)
def test_unclear_is_the_agents_own_not_the_customers(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "c.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "line, found",
    [
        ("客服：您听我解释，这个费用是这样的。", True),
        ("客服：你别激动，你先听我说。", True),
        ("客服：你不要说话，听我讲完。", True),
        ("客服：你问我，我问谁？", True),
        ("客服：你到底想做什么？", True),
        ("客服：你明不明白我的意思？", True),
        ("客服：我已经解释很多次了。", True),
        ("客服：这么简单都不知道。", True),
        ("客服：我就这样，爱咋咋地。", True),
        ("客服：您请说，我在听。", False),
        ("客服：我给您解释一下这个费用。", False),
        ("客服：请不要打断客户，不要说“你先听我说”。", False),
        ("客户：你先听我说完！", False),
    ],
)
def test_pack_finds_published_interrupting_and_scornful_words(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "t.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "text, lines",
    [
        # picking up the phone, then the quote: the one who picks it up speaks, and the file is a story, so its
        # narration (「但没办法」: the writer's words) is no one's on the call
        ("那段时间她常被当成骗子。但没办法,她只能又一次拿起电话,“您好,我真的是社区医生。”\n", []),
        ("接线员拿起电话,“没办法，你自己去查。”\n", [1]),
        # a clause that goes on with the subject before it: who it names is acted on, not the speaker
        ("老大爷满脸感激,拉着小李的手说:“要不是你,我真不知道该怎么办。”\n", []),
        ("李女士很生气,说:“我也没办法,钱早就还了。”\n", []),
        ("接线员听完,连忙解释:“没办法,这个我们处理不了。”\n", [1]),
        ("记者拨通热线后,接电话的男子说:“没办法,你自己去查。”\n", [1]),
        # a verb of scorn introduces the quote like a verb of speaking
        ("客户表示,投诉后反遭客服嘲讽“不懂电脑就别用网银”。\n", [1]),
    ],
)
def test_who_picks_up_the_phone_or_goes_on_speaking_in_a_story(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # items of a taboo section that quote their words are items, not headings that end the section
        ("五、服务禁语\n坐席严禁使用以下语言：\n推诿类：”这个不归我管”\n消极类：”我也没办法”\n", []),
        # a comment in brackets right after the quote says the words break a rule
        ("“这个不归我管”（违反首问负责制）\n", []),
        ("“我也没办法”(不文明用语)\n", []),
        ("“这个不归我管”（说完就挂了）\n", [1]),
    ],
)
def test_quoted_items_of_a_taboo_list_are_not_said(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "rules.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "line, found",
    [
        # not knowing, with the offer to find out: the published right answer
        ("客服：对不起，这个问题我也不太清楚，我马上帮您问一下。", False),
        ("客服：我不知道，请稍等，我马上给您问一下。", False),
        ("客服：这个我们不清楚，我帮您核实后回电。", False),
        # without the offer, or with the offer refused: a 推诿
        ("客服：这个我不清楚，您问问别的部门。", True),
        ("客服：我不知道，我也没法帮您查。", True),
        ("客服：我不知道，你问别人去。", True),
        # the offer does not excuse words that are no not-knowing
        ("客服：这不归我管，我帮您问问吧。", True),
        # not knowing handed to a colleague who will answer; no way, with another way offered
        ("客服：很抱歉，这个我确实不知道，我请我们的专业同事来为您解答。", False),
        ("客服：很抱歉，这个确实没有办法办理，不过我可以帮您申请其他方式。", False),
        ("客服：没办法，你可以去别家看看。", True),
        ("客服：我也没办法，不过你可以去投诉。", True),
        # wondering politely whether the customer…, and an inability for a while explained: no refusal
        ("客服：您好，我是XX银行的客服，我不知道您现在方便接听电话吗？", False),
        ("客服：我不知道您有没有收到我们的短信？", False),
        ("客服：我不知道你说的是什么。", True),
        ("客服：很抱歉给您带来不便，因为暴雨我们暂时没办法上门，雨停后第一时间安排。", False),
        ("客服：很抱歉，刚才线路繁忙，没办法及时接听您的电话。", False),
    ],
)
def test_not_knowing_with_the_offer_to_find_out_is_no_shirking(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "k.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "line, found",
    [
        ("客服：不懂电脑就别用网银。", True),
        ("客服：看不懂就不要用。", True),
        ("客服：不会用就别用。", True),
        # the two words in different clauses are no one statement
        ("客服：您不会操作的话，就别用这个功能了，我帮您在柜台办。", False),
    ],
)
def test_scorn_for_not_knowing_how_with_words_inserted(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "s.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "line, found",
    [
        # a property-service handbook's published 服务忌语
        ("客服：这是上面的规定，我有什么办法？", True),
        ("客服：你有完没完？", True),
        ("客服：电话已经接通了，快讲话。", True),
        ("客服：我只是接受咨询的，你找我也没有用。", True),
        ("客服：我不管，你打电话去别处问。", True),
        # offering help in the same words is not refusing it
        ("客服：您别急，我看看我有什么办法能帮您。", False),
        ("客服：您请讲，我在听。", False),
    ],
)
def test_pack_finds_a_property_handbooks_published_taboos(proj, line, found):
    _extend(proj, "[default, service-taboos]")
    problems = lint_text(proj, "p.txt", line + "\n", "forbidden-phrase")
    assert bool(problems) is found, problems


@pytest.mark.parametrize(
    "text, lines",
    [
        # advice that puts other words in their place names the words it replaces
        ("把“没办法”换成“我来帮您想想办法”，客户的感受完全不同。\n", []),
        ("用“我帮您查一下”代替“我不知道”。\n", []),
        ("少说“没办法”，多说“我试试看”。\n", []),
        ("与其说“这不归我管”，不如说“我帮您转给负责的同事”。\n", []),
        # a comment or a rule after the quote
        ("很多坐席习惯说“不知道”，这会让客户很反感。\n", []),
        ("考核细则：出现“我不知道”“没办法”等服务忌语的，每次扣2分。\n", []),
        # a bracketed label that marks the wrong example
        ("【错误】没办法，这是规定。【正确】很抱歉，根据规定需要本人办理。\n", []),
        # a heading that names words not to say, over a list or a table
        ("下面这些话千万别说：\n1. 我不知道\n2. 没办法\n3. 这不归我管\n", []),
        ("不当用语示例\n我不知道，你问别人去。\n没办法，规定就是这样。\n", []),
        (
            "禁忌词 | 适用场景 | 替代话术\n不知道 | 客户咨询细节 | 我马上帮您查看\n没办法 | 客户要求加急 | 我帮您申请一下\n",
            [],
        ),
        # a service worker's quoted words in a case report are said (the labels' clarification 8)
        ("案例：坐席回答“我不知道，你打别的电话问吧”，被客户投诉。\n", [1]),
        # the agent's own words after a comma are not advice
        ("客服：没办法，改成明天再给您办吧。\n", [1]),
    ],
)
def test_training_material_names_the_words_it_advises_against(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "handbook.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a wrong example marked in the line, or labelled as a mistake, a habit or a pitfall
        ("✔ 我帮您查一下 ✘ 我不知道\n", []),
        ("误区一：“我不知道”\n", []),
        ("NG话术：没办法，这是规定。\n", []),
        ("新员工常犯的错：一开口就是“我也不清楚”。\n", []),
        ("培训中我们发现，新员工最容易说出口的就是“没办法”。\n", []),
        ("“我不知道”“没办法”“不归我管”——这些都是客户最讨厌听到的话。\n", []),
        # a section of wrong examples, with the agent's label, ends at the right examples' heading
        ("错误示例：\n客服：没办法，这是规定。\n正确示例：\n客服：很抱歉，根据规定需要本人办理。\n", []),
        ("反面案例\n坐席：我不知道，你问别人去。\n客户：你们怎么这样？\n", []),
        # an item that gives the right words in brackets is still an item, not a heading that ends the section
        ("服务禁语\n1、我不知道（正确说法：我帮您查一下）\n2、没办法（正确说法：我来想办法）\n", []),
        ("错误示例：\n客服：没办法，这是规定。\n正确示例：\n客服：没办法，这个不能退。\n", [4]),
        # the agent's line is said
        ("客服：对不起，我不知道，这个要等通知。\n", [1]),
    ],
)
def test_wrong_examples_and_habits_named_in_training_material(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "handbook.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a denial right before the words that they are the case
        ("客服：不是没办法，是需要您提供一下材料。\n", []),
        ("客服：并不是我不知道，而是系统还没更新。\n", []),
        ("客服：我们没有说过没办法，只是需要时间。\n", []),
        ("客服：哪有什么没办法的事，我来帮您。\n", []),
        ("客服：没有什么是没办法解决的，您放心。\n", []),
        ("客服：这不是我的错，这个不能退。\n", [1]),
        # a name with the customer's role after it: the customer's words
        ("小王（客户）：我不知道密码了。\n小李（客服）：您好，我帮您重置。\n", []),
        ("小王（客户）：我的密码忘了。\n小李（客服）：没办法，你自己去柜台。\n", [2]),
    ],
)
def test_denied_words_and_a_named_customer_are_not_the_agents_taboo(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "turns.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a manner adverb alone goes on with the subject before it; a colon after a named person gives them the quote
        (
            "王阿姨来到窗口，着急地问：“我的社保卡丢了，我也没办法，怎么办？”工作人员笑着说：“阿姨别急，我帮您挂失。”\n",
            [],
        ),
        ("电话那头的大姐情绪激动：“我不知道你们是怎么做事的！”小张耐心地解释。\n", []),
        # a service worker's words in quotes after a colon are said, as the labels count them
        ("接线员冷冷地说：“这个我们不清楚。”\n", [1]),
        ("记者拨打热线，工作人员回答：“这个我们没办法。”\n", [1]),
        # a third person's words without quotes after a colon stay named
        ("这个孙先生拿起电话来：对不起，这个事情不归我管。\n", []),
    ],
)
def test_whose_quote_after_a_colon_in_a_story(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # 对方 is the other side from the narrator: the customer when the narrator is the agent
        ("我是一名热线接线员。那天电话一接通，对方就吼道：“我不知道找谁了，你们到底管不管！”\n", []),
        ("我拿起电话：“您好，请问是张先生吗？”对方说：“不知道，别烦我。”\n", []),
        ("记者以客户身份致电该公司客服，对方表示：“这个我们也没办法，你去找厂家吧。”\n", [1]),
        # the customer's words described by a script, with or without a stage direction's brackets
        ("当客户表示没办法配合时，坐席应耐心解释。\n", []),
        ("回访员：您还记得当时的情况吗？\n（客户如回答不记得/不知道）\n回访员：没关系，我跟您简单说一下。\n", []),
        # a member of the public telling a reporter, before a colon, is a report's narration, not a script's label
        ("张女士告诉记者：“我打了十几次电话，客服一直说没办法，我真的不知道该怎么办了。”\n", []),
        ("开场白：“您好，这里是XX物业。”\n“没办法，这个我们处理不了。”\n", [2]),
        # not knowing what the customer meant, asking them to say it again
        ("坐席：我不太清楚您说的是哪一笔，您能再说一下吗？\n", []),
        ("坐席：我不清楚，你自己看合同吧。\n", [1]),
    ],
)
def test_the_other_party_and_the_customers_words_described(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "story.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # advice in tips and arrows, and a condition: the words named, not said
        ("技巧二：多用“我帮您”，少用“不知道”。\n", []),
        ("当您想说“没办法”时，请换成“我来想想办法”。\n", []),
        ("没办法 → 我来帮您想办法\n", []),
        ("如果实在没办法解决，应向客户说明原因并致歉。\n", []),
        # only 实在 / 确实 / 真的 after 如果 make it a condition of this kind: the words right after 如果 are still said
        ("客服：如果你自己想办法吧，我们也管不了。\n", [1]),
        ("坐席：没办法，我们也是按规定办事。\n", [1]),
    ],
)
def test_tips_arrows_and_conditions_name_the_words(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "tips.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # 「我：」 beside the agent's own label is the customer writing down a call
        ("我：你好，我的快递三天没到了，我也不知道怎么回事。\n客服：您好，我帮您查一下。\n", []),
        ("我：你好，我的快递三天没到了。\n客服：没办法，这个不能退。\n", [2]),
        # 「我：」 with the customer's label is the agent
        ("我：您好，这里是幸福物业。\n客户：我家水管坏了。\n我：没办法，这个不能修。\n", [3]),
        # a speaker known only by a number, used once: never the agent's
        ("说话人1：您好，这里是XX客服。\n说话人2：我不知道我的订单到哪了。\n说话人1：我帮您查一下。\n", []),
        ("SPEAKER_01: 我也没办法，我已经等了一周了。\nSPEAKER_00: 非常抱歉，我马上帮您催一下。\n", []),
    ],
)
def test_me_beside_the_agent_and_numbered_speakers(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "call.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # someone else named as the subject the words leave out: their state, not the speaker's refusal
        ("小区停水三天了，居民们也没办法，只能去外面买水。\n", []),
        ("客服：这种情况您也不清楚的话，我再给您说一遍。\n", []),
        ("她实在没有办法，只好又打了一次电话。\n", []),
        # the speaker's own, or no subject at all: said
        ("坐席：这个我们也没办法，您只能等了。\n", [1]),
        ("坐席：这件事就是我们也没办法。\n", [1]),
        ("坐席：没办法，这个退不了。\n", [1]),
        ("坐席：这个确实是没有办法。\n", [1]),
    ],
)
def test_someone_elses_inability_is_not_the_speakers(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "subject.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # not knowing, taken down to come back with the answer: the right answer
        ("坐席：对不起，这个我不清楚，我请负责的同事给您回电话。\n", []),
        ("坐席：这个我也不知道，我先帮您记下来，查清楚后回复您。\n", []),
        # the offer refused: still a 推诿
        ("坐席：这个我不知道，我也没法帮您记。\n", [1]),
        ("坐席：我不清楚，没法回复您。\n", [1]),
    ],
)
def test_not_knowing_taken_down_and_answered_later(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "offer.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # answers a talk counts by their kind, and what customers hate to hear: named, not said
        ("客户最怕听到三种回答。第一种：我不知道。第二种：这不归我管。第三种：你自己想办法吧。\n", []),
        ("最让客户寒心的一句话就是：我也没办法。\n", []),
        ("“我不知道”——这是客户最不愿意听到的一句话。\n", []),
        # a situation met, not words said
        ("如果遇到实在没办法解决的问题，请及时上报班长。\n", []),
        # a branch counted by its kind is a script's: its words are said
        ("第一种情况，客户不方便：那没办法，我们也不管了。\n", [1]),
        # met, but not qualifying a noun: said
        ("坐席：遇到这种事没办法。\n", [1]),
    ],
)
def test_words_cited_by_kind_or_met_as_a_situation(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "talk.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a role with a verb of speaking before a quote is a story's narration, not a script's label
        ("我给客服打了三次电话。\n客服说：“您好，请您耐心等待，我们正在处理。”\n我实在没办法，只好又打了一次。\n", []),
        ("我给客服打了三次电话。\n客服说：“我也没办法，您再等等吧。”\n我只好又打了一次。\n", [2]),
        # a remark after a quote the narration gives as said does not make it named
        ("接线员说：“我不知道。”这是我听过最冷漠的回答。\n", [1]),
        ("那天，接线员冷冷地回答：“不归我管。”这样的回答让人失望。\n", [1]),
        # a rule after a quote nobody says names it
        ("“我不知道”是服务忌语，不能对客户说。\n", []),
    ],
)
def test_a_role_saying_a_quote_is_narration_and_its_quote_said(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "said.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a wrong example marked in brackets, or at the end of its line
        ("（×）我不知道。\n（√）请稍等，我帮您查一下。\n", []),
        ("我不知道。（×）\n请稍等，我帮您查一下。（√）\n", []),
        ("“我不知道”（错误）\n“请稍等，我帮您查一下”（正确）\n", []),
        ("坐席：我不知道 ✗\n坐席：我帮您查一下 ✓\n", []),
        # a numbered set of things not to say heads its items
        ("服务十不准\n1. 我不知道\n2. 这不归我管\n", []),
        # a placeholder's ×× is no mark
        ("坐席：我不知道××\n", [1]),
        ("坐席：我不知道。\n", [1]),
    ],
)
def test_wrong_examples_marked_in_brackets_or_at_the_end(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "marks.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a person's label used once, in a file whose agent has a label: not the agent's words
        ("客服：您好，请问有什么可以帮您？\n寄件人：我也不知道怎么回事。\n客服：您别着急，我帮您查一下。\n", []),
        ("客服：您好，请问有什么可以帮您？\n女：我也不知道怎么回事。\n客服：我帮您查一下。\n", []),
        ("坐席：您好。\nClient: 我也没办法了。\n坐席：我帮您查一下。\n", []),
        ("客服：您好。\n来电用户：我也不知道怎么回事。\n客服：我帮您查一下。\n", []),
        # one who answers or serves may be the agent; a script's own word before a colon introduces the agent's words
        ("客户：我的快递没到。\n客服：您好。\n接听人：我也不知道。\n", [3]),
        ("客户：我的快递没到。\n客服：您好。\n回复：我也不知道。\n", [3]),
        # without the agent's own label the lines are the agent's, as before
        ("您好，这里是顺丰客服。\n寄件人：我也不知道怎么回事。\n", [2]),
    ],
)
def test_a_persons_label_used_once_is_not_the_agent(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "once.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # a name the story introduces as the public's speaks for the public when it speaks by name alone
        (
            "市民李明家的水管坏了，他给物业打了电话。\n李明说：“我也没办法，只好自己修。”\n物业客服回复：“您好，师傅下午上门。”\n",
            [],
        ),
        ("那天李明先生来电投诉。\n李明说：“我也不知道怎么回事。”\n", []),
        # a name alone that the story does not introduce is the service side, as before
        ("张奇声音很凶。\n张奇说,“你早干嘛去了?这关我屁事?”\n", [2]),
    ],
)
def test_a_name_introduced_as_the_publics_is_not_the_agent(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "names.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # answer options: the customer's possible answers, not the agent's words
        ("问题3：您对社区服务是否满意？\nA.满意 B.一般 C.不满意 D.不知道\n", []),
        ("请问您知道垃圾分类的要求吗？\n1、知道\n2、不知道\n", []),
        ("您是否了解本次活动？（了解/不了解/不清楚）\n", []),
        ("Q5 您对本次服务的评价：1.满意 2.基本满意 3.不满意 4.说不清/不知道\n", []),
        ("回答“不清楚”：好的，我给您说明一下。\n", []),
        # a speaker's A：, a numbered line that says more, a bare answer without a list: said
        ("A：您好，请问有什么可以帮您？\nB：我的快递没到。\nA：不知道。\n", [3]),
        ("1. 没办法，这个退不了。\n", [1]),
        ("坐席：不知道。\n", [1]),
        ("价格是3.5元，没办法再便宜了。\n", [1]),
    ],
)
def test_answer_options_are_not_said(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "options.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # in a file without labels, not knowing right after the agent's question to the customer is the answer
        ("请问您对这次维修满意吗？\n不清楚，我当时不在家。\n好的，那我稍后再联系您家人。\n", []),
        ("请问是您本人办理的吗？\n不知道。\n", []),
        # after the customer's question, or after no question, it is said
        ("请问你们能退款吗？\n不知道。\n", [2]),
        ("请问您能帮我查一下快递吗？\n不清楚，您自己去查吧。\n", [2]),
        ("您好，这里是幸福物业。\n不知道。\n", [2]),
        # with labels, the labels say who speaks
        ("客服：请问您满意吗？\n客服：不知道。\n", [2]),
    ],
)
def test_not_knowing_right_after_the_agents_question_is_the_answer(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "answers.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "text, lines",
    [
        # words supposed, not said on a call: a condition's quote, what customers hate to hear
        ("如果你说“我不知道”，客户会觉得你不专业。\n", []),
        ("试想一下，如果你打电话咨询，听到的是一句“不归我管”，你会怎么想？\n", []),
        ("很多客户反映，最讨厌听到客服说“不知道”。\n", []),
        # a reported answer is said
        ("记者问了三次，接线员都回答：“不归我管。”\n", [1]),
    ],
)
def test_words_supposed_are_not_said(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "supposed.txt", text, "forbidden-phrase")] == lines


@pytest.mark.parametrize(
    "heading",
    [
        "服务用语十忌",
        "禁说用语",
        "服务红线用语",
        "沟通雷区",
        "负面词汇",
        "敏感词",
        "消极用语",
        "推诿用语举例",
        "客户最反感的话",
        "容易引起投诉的话",
        "减分话术",
        "不推荐的说法",
        "低情商回复",
        "Don't say",
    ],
)
def test_more_titles_of_a_list_of_words_not_to_say(proj, heading):
    _extend(proj, "[default, service-taboos]")
    text = f"{heading}\n1. 这个我不知道，你自己想办法吧。\n2. 没办法，这事我管不了。\n"
    assert lint_text(proj, "titles.txt", text, "forbidden-phrase") == []


def test_a_title_in_running_text_heads_nothing(proj):
    # the same words inside a sentence are no heading: the lines after it are said
    _extend(proj, "[default, service-taboos]")
    text = "客服：这条是公司的红线，我们必须遵守。\n客服：没办法，这事我管不了。\n"
    assert [p.line for p in lint_text(proj, "titles.txt", text, "forbidden-phrase")] == [2]


@pytest.mark.parametrize(
    "text, lines",
    [
        # a voice whose side the story does not say, and the public acting right after a quote: not checked
        ("电话那头传来一个虚弱的声音：“我没办法动了……”\n调度员立即派出救护车。\n", []),
        ("“我真的不知道该怎么办了。”电话那头，一位老人哭了起来。\n", []),
        # the agent acting right after the quote, or a verb of speaking: the story's reading as before
        ("“没办法，你自己去查。”接线员说完就挂了电话。\n", [1]),
        ("那天，客户经理王某表示：“这不归我管。”\n", [1]),
    ],
)
def test_a_voice_or_the_public_acting_after_a_quote(proj, text, lines):
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "voice.txt", text, "forbidden-phrase")] == lines


def test_a_numbered_script_line_of_other_words_is_said(proj):
    # only not knowing is a customer's answer option: a numbered line of other words is the script's
    _extend(proj, "[default, service-taboos]")
    assert [p.line for p in lint_text(proj, "n.txt", "1. 你自己想办法吧\n2. 没办法。\n", "forbidden-phrase")] == [1, 2]
    assert lint_text(proj, "n.txt", "| 角色 | 话术 |\n| 客服 | 不知道 |\n", "forbidden-phrase") != []

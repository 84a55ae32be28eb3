"""Seed citations are left out of what a reader sees; guidance in brackets stays."""

from huifang.citations import without_citations


def test_clause_and_document_citations_go_guidance_stays():
    assert without_citations("确定对方是否有合适的通话时间（6.1.2(2)；6.2.1）") == "确定对方是否有合适的通话时间"
    assert (
        without_citations("您能描述一下当时的具体情况吗？（瑞风特约维修站 接听客户来电 2、3）")
        == "您能描述一下当时的具体情况吗？"
    )
    assert without_citations("好的，那请问什么时候方便？（记下时间）") == "好的，那请问什么时候方便？（记下时间）"
    assert without_citations("（某装饰公司 回访流程及话术 一、签单回访 B）（6.1.1）") == ""

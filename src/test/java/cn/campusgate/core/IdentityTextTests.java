package cn.campusgate.core;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A protected person's name and contacts are found in what staff type however they are written. */
class IdentityTextTests {

    private static final List<String> LI_MING = List.of("李明", "13800138000 / li.ming2020@qq.com");

    @Test
    void theNameAndEachContactAreFoundWithOrWithoutSeparatorsAndInFullWidth() {
        for (String text : List.of(
                "投诉人李明（13800138000）反映的情况属实。",
                "经核实，李 明所述属实。",
                "经核实，李　明所述属实。",
                "回电 138 0013 8000 核实",
                "回电138-0013-8000核实",
                "回电（138）0013.8000核实",
                "回电１３８００１３８０００核实",
                "回电 +86 138 0013 8000 核实",
                "回电0086-13800138000核实",
                "来信邮箱 LI.MING2020@QQ.COM",
                "来信邮箱 ｌｉ．ｍｉｎｇ２０２０＠ｑｑ．ｃｏｍ",
                "微信号 li.ming2020")) {
            assertThat(IdentityText.mentions(text, LI_MING)).as(text).isTrue();
        }
    }

    @Test
    void otherTextIsNotRefused() {
        for (String text : List.of(
                "经核查，区某局要求学校每周报送打卡截图，情况属实。",
                "学校李，明天起停止打卡。",
                "联系学校办公室 023-42822222。",
                "请于 2026-12-10 前回复。")) {
            assertThat(IdentityText.mentions(text, LI_MING)).as(text).isFalse();
        }
        assertThat(IdentityText.mentions("李明", Arrays.asList(null, " ", "李"))).as("nothing to look for").isFalse();
        assertThat(IdentityText.mentions(null, LI_MING)).isFalse();
    }

    @Test
    void anIdNumberIsFoundAsTheObjectorWroteItOrSpacedOut() {
        List<String> id = List.of("50038219900101123X");
        assertThat(IdentityText.mentions("身份证 500382 19900101 123x", id)).isTrue();
        assertThat(IdentityText.mentions("身份证５００３８２１９９００１０１１２３Ｘ", id)).isTrue();
        assertThat(IdentityText.mentions("编号 500382", id)).isFalse();
    }

    @Test
    void aTextForPublicationCarriesNoPersonalContactAtAll() {
        assertThat(IdentityText.carriesPersonalContact("请联系我 139 1234 5678")).isTrue();
        assertThat(IdentityText.carriesPersonalContact("邮箱 parent@example.cn")).isTrue();
        assertThat(IdentityText.carriesPersonalContact("身份证号 500382-19900101-123X")).isTrue();
        assertThat(IdentityText.carriesPersonalContact("讲座时间与期中考试冲突，建议调整到 2033 年 5 月。")).isFalse();
    }
}

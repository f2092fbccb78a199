package cn.campusgate.insight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-drawn charts: well-formed, escaped, scaled to a readable axis. */
class SvgTests {

    @Test
    void barsAreEscapedAndScaledToTheLongest() {
        Map<String, Long> data = new LinkedHashMap<>();
        data.put("区公安局", 10L);
        data.put("<script>", 5L);
        String svg = Svg.bars("部门", data, "#000");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("<title>部门</title>", "&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(svg).contains("width=\"340.0\"", "width=\"170.0\"");
    }

    @Test
    void linesHaveALegendAndNiceTicks() {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("哨点记录", new long[]{0, 3, 17});
        String svg = Svg.lines("月度趋势", List.of("1月", "2月", "3月"), series);
        assertThat(svg).contains("哨点记录", "<polyline", ">20</text>", "1月");
        assertThat(Svg.niceStep(17)).isEqualTo(5);
        assertThat(Svg.niceStep(0)).isEqualTo(1);
        assertThat(Svg.niceStep(1234)).isEqualTo(500);
    }
}

package cn.campusgate.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 18, point 7: whoever files a complaint with somebody's phone number must not learn that person's card
 * history. A refused complaint says only that it cannot be accepted and how to appeal: no count of false reports,
 * no date until which complaints are refused.
 */
@CampusGateTest
class ComplaintRefusalPrivacyIT {

    @Autowired MockMvc mvc;
    @Autowired Complaints complaints;
    @Autowired Cases cases;
    @Autowired Organizations organizations;
    @Autowired SignedIn signedIn;

    @Test
    void aComplaintRefusedForItsContactsRedCardTellsNeitherCountNorDate() throws Exception {
        String contact = "137" + (10000000 + (System.nanoTime() % 89999999));
        for (String school : List.of("合川区钱塘镇中心小学", "合川区龙市镇中心小学", "合川区燕窝镇中心小学")) {
            Complaints.Filed filed = complaints.fileOnline(new ComplaintCommand(ComplaintCategory.FINGERTIP_FORMALISM,
                    school(school), null, "防溺水安全打卡", LocalDate.now().minusDays(2),
                    "有部门来学校检查太频繁了，请核实处理。", "某家长", contact), List.of());
            signedIn.call("supervisor", () -> cases.accept(filed.caseId(), cases.get(filed.caseId()).version()));
            signedIn.call("supervisor", () -> cases.verify(filed.caseId(), cases.get(filed.caseId()).version(),
                    CaseOutcome.FALSE_REPORT, "经核查，当期无任何部门进校检查，反映不实。"));
        }

        for (String language : List.of("zh-CN", "en")) {
            String body = """
                    {"category":"FINGERTIP_FORMALISM","school":"合川区二郎镇中心小学","happenedOn":"%s",
                     "description":"又有部门来学校检查了，要求老师填表拍照，请处理。","name":"某家长","contact":"%s"}"""
                    .formatted(LocalDate.now().minusDays(1), contact);
            String answer = mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", language).content(body).with(request -> {
                                request.setRemoteAddr("192.0.2.181");
                                return request;
                            }))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String detail = JsonMapper.builder().build().readTree(answer).path("detail").asString();

            assertThat(detail).as(language).isNotBlank().doesNotContainPattern("\\d")
                    .doesNotContain("红牌", "red card", "黄牌", "yellow card");
            assertThat(detail).containsAnyOf("申诉", "appeal").containsAnyOf("匿名", "anonymously");
        }
    }

    private long school(String name) {
        return organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(o -> o.name().equals(name))
                .findFirst().orElseThrow().id();
    }
}

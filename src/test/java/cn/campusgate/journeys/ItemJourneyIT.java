package cn.campusgate.journeys;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items as people work on them: a department sees live screening while typing and is refused a commercial
 * item with the policy clause; at its preliminary review the commission returns an item, sees similar items of
 * other departments, and the department revises it and reads the difference between the versions.
 */
class ItemJourneyIT extends BrowserJourney {

    @Autowired Items items;
    @Autowired cn.campusgate.ExpertOpinions expertOpinions;
    @Autowired UserDetailsService users;

    @Test
    void aCommercialItemIsFlaggedWhileTypingAndRefusedOnSubmission() {
        signIn("dept.fire", DEMO_PASSWORD);
        open("/items/new");
        waitFor("item-form");
        browser.findElement(By.id("title")).sendKeys("某品牌灭火器推广进校园" + suffix());
        browser.findElement(By.id("content")).sendKeys("邀请某品牌公司进校推介家用灭火器，现场发放优惠券。");
        WebElement finding = waitFor(By.cssSelector("[data-testid='screening-panel'] [data-rule='R2-IRR-COMMERCIAL']"));
        assertThat(finding.getText()).contains("商业").contains("政策依据");
        assertThat(browser.findElements(By.cssSelector(".cg-findings [data-rule='R2-IRR-COMMERCIAL']")))
                .as("the finding also stands next to the field that caused it").isNotEmpty();

        click(testId("submit-item"));
        WebElement outcome = formOutcome();
        assertThat(kind(outcome)).isEqualTo("problem");
        assertThat(outcome.getText()).contains("不能提交").contains("整治重点");
        assertThat(browser.findElement(testId("item-status")).getDomAttribute("data-status")).isEqualTo("DRAFT");
        assertNoMissingMessages();
    }

    @Test
    void theCommissionReturnsAnItemAndTheDepartmentRevisesItAndSeesTheDiff() {
        String suffix = suffix();
        Item other = as("dept.health", () -> items.draft(complete("珍爱生命预防溺水专题讲座" + suffix, "预防溺水",
                "卫健委医生讲解溺水急救常识，学生学习心肺复苏基本动作。")));
        as("dept.health", () -> items.submit(other.id(), other.version()));
        Item item = as("dept.police", () -> items.draft(complete("防溺水安全教育进校园" + suffix, "防溺水安全教育",
                "民警讲解防溺水“六不”要求与典型案例，提醒学生暑期注意水域安全。")));

        signIn("dept.police", DEMO_PASSWORD);
        open("/items/" + item.id());
        click(testId("submit-item"));
        assertThat(formOutcome().getText()).contains("已提交");
        signOut();
        // The expert committee's step passes; the item reaches the commission's preliminary review.
        expertOpinions.approve(item.id());

        signIn("commission", DEMO_PASSWORD);
        open("/items/" + item.id());
        assertThat(waitFor("similar").findElements(By.cssSelector("[data-key='item:" + other.id() + "'] a")))
                .as("the commission sees the other department's similar item, linked").isNotEmpty();
        browser.findElement(By.id("decision-text")).sendKeys("请压缩为一课时并融入班团队会。");
        click(testId("return"));
        assertThat(formOutcome().getText()).contains("退回");
        assertThat(browser.findElement(testId("item-status")).getDomAttribute("data-status")).isEqualTo("RETURNED");
        signOut();

        signIn("dept.police", DEMO_PASSWORD);
        open("/items/" + item.id());
        assertThat(waitFor("return-reason").getText()).contains("请压缩为一课时");
        click(testId("edit-item"));
        WebElement content = waitFor(By.id("content"));
        content.clear();
        content.sendKeys("民警在班队会上讲解防溺水“六不”要求，提醒学生暑期注意水域安全。");
        click(testId("submit-item"));
        assertThat(formOutcome().getText()).contains("第 2 版");

        click(testId("diff-link"));
        WebElement diff = waitFor("diff");
        assertThat(diff.findElement(By.cssSelector("tr[data-field='content'] ins")).getText()).contains("在班队会上");
        assertThat(diff.findElements(By.cssSelector("tr[data-field='content'] del"))).isNotEmpty();
        assertNoMissingMessages();
    }

    private static String suffix() {
        return "（" + Long.toString(System.nanoTime() % 100000) + "）";
    }

    private static ItemContent complete(String title, String theme, String text) {
        LocalDate start = LocalDate.now().plusDays(40);
        return new ItemContent(title, theme, null, ItemRoute.ANNUAL, AdmissionGround.UNIFIED_ARRANGEMENT,
                "教育部等部门预防中小学生溺水工作通知（年度）", text, "专题讲座", DeliveryMode.ON_CAMPUS,
                Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR_SECONDARY), null, null, GraduatingClasses.EXCLUDED,
                start, start.plusDays(20), Frequency.PER_SCHOOL_YEAR, 1, 0, false, null, "学生掌握防溺水常识",
                "学校结合课堂观察自评", IntegrationChannel.CLASS_TEAM_MEETING, false, "各中小学");
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

package cn.campusgate.journeys;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator adds a school and an account for it; the new account's holder must replace the
 * temporary password before anything else. And a school without a name is refused.
 */
class AdministrationJourneyIT extends BrowserJourney {

    @Test
    void adminAddsAnOrdinarySchool() {
        String unique = uniqueDigits(6);
        String school = "合川区二郎镇浏览器普通小学" + unique;
        String code = "97" + unique + "33";
        signIn("admin", DEMO_PASSWORD);

        addSchool(school, code, false);

        WebElement outcome = formOutcome();
        assertThat(kind(outcome)).as("the page says: %s", outcome.getText()).isEqualTo("notice");
        assertThat(outcome.getText()).contains("已新增“" + school + "”。");
        assertThat(path()).as("the list shows the school just saved").isEqualTo("/admin/organizations?kind=SCHOOL&q=" + code);
        WebElement row = browser.findElement(By.cssSelector("tr[data-name='" + school + "']"));
        assertThat(row.getText()).contains(school, code, "小学", "二郎镇", "启用").doesNotContain("监测点学校");
    }

    @Test
    void adminAddsAMonitoringSchoolAndItsSentinelWhoMustReplaceTheTemporaryPassword() {
        String unique = uniqueDigits(6);
        String school = "合川区二郎镇浏览器测试小学" + unique;
        String code = "99" + unique + "77";
        String username = "sentinel." + unique;
        String newPassword = "Erlang#Sentinel2026";
        signIn("admin", DEMO_PASSWORD);

        // A sentinel reports from a monitoring school: tick 设为监测点学校.
        addSchool(school, code, true);

        WebElement outcome = formOutcome();
        assertThat(kind(outcome)).as("the page says: %s", outcome.getText()).isEqualTo("notice");
        assertThat(outcome.getText()).contains("已新增“" + school + "”。");
        assertThat(path()).as("the list shows the school just saved").isEqualTo("/admin/organizations?kind=SCHOOL&q=" + code);
        WebElement row = browser.findElement(By.cssSelector("tr[data-name='" + school + "']"));
        assertThat(row.getText()).contains(school, code, "小学", "监测点学校", "二郎镇", "启用");

        // 账号管理 → 新增账号 for the new school, as its monitoring sentinel
        open("/admin/accounts/new");
        waitFor("account-form");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("测试哨点员");
        new Select(browser.findElement(testId("organization"))).selectByVisibleText(school);
        assertThat(browser.findElement(By.id("role-ADMINISTRATOR")).isEnabled())
                .as("a school cannot hold the administrator role").isFalse();
        WebElement sentinel = browser.findElement(By.id("role-SCHOOL_SENTINEL"));
        assertThat(sentinel.isEnabled()).isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for='role-SCHOOL_SENTINEL']")).getText())
                .isEqualTo("学校监测哨点");
        sentinel.click();
        assertNoMissingMessages();
        browser.findElement(testId("save")).click();

        String temporaryPassword = waitFor("temporary-password").getText().strip();
        assertThat(browser.findElement(By.className("card-header")).getText()).isEqualTo("账号“" + username + "”已创建");
        assertThat(temporaryPassword).hasSizeGreaterThanOrEqualTo(10).doesNotContain(" ");
        signOut();

        // First sign-in: the password page, and nothing else, until the temporary password is replaced.
        submitSignIn(username, temporaryPassword);
        assertThat(waitFor("forced-change").getText()).contains("须先修改密码");
        assertThat(path()).isEqualTo("/account/password");
        open("/");
        waitFor("forced-change");
        assertThat(path()).as("the home page is closed until the password is changed").isEqualTo("/account/password");
        browser.findElement(By.id("currentPassword")).sendKeys(temporaryPassword);
        browser.findElement(By.id("newPassword")).sendKeys(newPassword);
        browser.findElement(By.id("confirmation")).sendKeys(newPassword);
        browser.findElement(By.cssSelector("[data-testid='password-form'] [data-testid='save']")).click();

        assertThat(waitFor("password-changed").getText()).isEqualTo("密码已修改，请使用新密码重新登录。");
        assertThat(isPresent(testId("current-user"))).as("signed out after the forced change").isFalse();

        submitSignIn(username, temporaryPassword);
        assertThat(waitFor("login-error").getText()).as("the temporary password is spent").contains("用户名或密码不正确");

        signIn(username, newPassword);
        assertThat(path()).isEqualTo("/");
        assertThat(browser.findElement(By.cssSelector("h1.cg-page-title")).getText()).isEqualTo("测试哨点员，您好");
        assertThat(browser.findElement(testId("current-user")).getText()).contains("测试哨点员", school);
        assertThat(browser.findElements(By.cssSelector(".cg-page-lead [data-role]")))
                .extracting(badge -> badge.getDomAttribute("data-role")).containsExactly("SCHOOL_SENTINEL");
        assertThat(isPresent(By.cssSelector("a[data-nav='/admin/organizations']"))).isFalse();
    }

    @Test
    void aSchoolWithoutANameIsRefusedInChineseAndNothingIsCreated() {
        String code = "98" + uniqueDigits(6) + "55";
        signIn("admin", DEMO_PASSWORD);

        addSchool("", code, false);

        WebElement outcome = formOutcome();
        assertThat(kind(outcome)).as("the page says: %s", outcome.getText()).isEqualTo("problem");
        assertThat(outcome.getText()).as("what is wrong, in Chinese").isEqualTo("请填写名称（至少 2 个字）。");
        assertThat(isPresent(testId("organization-form"))).as("still on the form").isTrue();
        assertThat(isPresent(testId("notice"))).isFalse();
        assertThat(browser.findElement(By.id("code")).getDomProperty("value")).as("what was typed is kept").isEqualTo(code);
        assertThat(new Select(browser.findElement(testId("parent"))).getFirstSelectedOption().getText()).isEqualTo("二郎镇");
        assertNoMissingMessages();

        open("/admin/organizations?kind=SCHOOL&inactive=true&q=" + code);
        waitFor("organizations");
        assertThat(browser.findElements(By.cssSelector("[data-testid='organizations'] tr[data-name]")))
                .as("schools with code %s", code).isEmpty();
        assertThat(browser.findElement(testId("organizations")).getText()).contains("暂无记录");
    }

    /** 组织机构 → 学校 → 新增学校, fill in the form and save. */
    private void addSchool(String name, String code, boolean monitoring) {
        browser.findElement(By.cssSelector("a[data-nav='/admin/organizations']")).click();
        waitFor("organizations");
        browser.findElement(By.xpath("//ul[contains(@class,'cg-tabs')]//a[span[normalize-space()='学校']]")).click();
        wait.until(ExpectedConditions.urlContains("kind=SCHOOL"));
        WebElement newSchool = waitFor("new-organization");
        assertThat(newSchool.getText()).isEqualTo("新增学校");
        newSchool.click();

        waitFor("organization-form");
        assertThat(browser.findElement(By.cssSelector("h1.cg-page-title")).getText()).isEqualTo("新增学校");
        if (!name.isEmpty()) {
            browser.findElement(By.id("name")).sendKeys(name);
        }
        browser.findElement(By.id("code")).sendKeys(code);
        new Select(browser.findElement(testId("parent"))).selectByVisibleText("二郎镇");
        new Select(browser.findElement(testId("stage"))).selectByVisibleText("小学");
        if (monitoring) {
            browser.findElement(By.id("monitoringSchool")).click();
        }
        assertNoMissingMessages();
        browser.findElement(testId("save")).click();
    }

    private static String uniqueDigits(int length) {
        long bound = (long) Math.pow(10, length);
        return String.format("%0" + length + "d", ThreadLocalRandom.current().nextLong(bound));
    }
}

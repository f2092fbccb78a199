package cn.campusgate.journeys;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentinel school (合川区二郎镇中心小学) records, in the browser and in under a minute, an activity that is on
 * no list and came with demands for photos, and then an inspection that followed the work's assignment within
 * days; the commission finds both alerts in its list, opens one and acknowledges it.
 */
class SentinelJourneyIT extends BrowserJourney {

    @Test
    void theSchoolRecordsAnUnlistedEntryAndAnInspectionAndTheCommissionSeesTheAlerts() {
        String entryTitle = "反诈APP推广进校园" + suffix();
        String inspectionTitle = "校园食品安全专项检查" + suffix();

        signIn("school.sentinel", DEMO_PASSWORD);
        long started = System.nanoTime();
        click(By.cssSelector("[data-nav='/sentinel']"));
        click(testId("record-ENTRY"));
        waitFor("record-form");
        click(testId("plan-none"));
        new Select(browser.findElement(By.id("departmentId"))).selectByVisibleText("区公安局");
        browser.findElement(By.id("title")).sendKeys(entryTitle);
        browser.findElement(By.id("teachers")).clear();
        browser.findElement(By.id("teachers")).sendKeys("3");
        click(By.id("demand-PHOTOS"));
        click(By.id("demand-APP_DOWNLOAD"));
        click(testId("save-record"));
        WebElement outcome = formOutcome();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(kind(outcome)).isEqualTo("notice");
        assertThat(outcome.getText()).contains(entryTitle).contains("预警");
        assertThat(took).as("recording takes under a minute").isLessThan(Duration.ofMinutes(1));
        assertThat(waitFor("record-coverage").getText()).contains("未列入现行白名单");
        assertThat(texts(By.cssSelector("[data-testid='alerts'] li"))).anySatisfy(a -> assertThat(a).contains("未经审批进校"))
                .anySatisfy(a -> assertThat(a).contains("形式主义留痕要求").contains("拍照留痕"));
        assertThat(waitFor("findings").getText()).contains("整治重点（三）");
        assertNoMissingMessages();

        click(By.linkText("再记一条"));
        click(By.cssSelector("a.nav-link[href$='kind=INSPECTION']"));
        waitFor("record-form");
        new Select(browser.findElement(By.id("departmentId"))).selectByVisibleText("区市场监管局");
        browser.findElement(By.id("title")).sendKeys(inspectionTitle);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('assignedOn').value = arguments[0];",
                LocalDate.now().minusDays(5).toString());
        click(testId("save-record"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(texts(By.cssSelector("[data-testid='alerts'] li"))).anySatisfy(a -> assertThat(a)
                .contains("工作刚布置就检查").contains("仅隔 5 天"));
        assertNoMissingMessages();
        signOut();

        signIn("commission", DEMO_PASSWORD);
        click(By.cssSelector("[data-nav='/alerts']"));
        WebElement table = waitFor("alerts-table");
        assertThat(table.getText()).contains(entryTitle).contains("合川区二郎镇中心小学").contains("区公安局");
        assertThat(browser.findElements(By.cssSelector("[data-testid='alerts-table'] tr[data-kind='INSPECTION_TOO_SOON']")))
                .isNotEmpty();
        click(By.xpath("//tr[contains(., '" + entryTitle + "') and @data-kind='NOT_COVERED']//a"));
        assertThat(waitFor("alert-text").getText()).contains(entryTitle).contains("未列入现行白名单");
        assertThat(browser.findElement(testId("alert-status")).getDomAttribute("data-status")).isEqualTo("NEW");
        click(testId("acknowledge"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(waitFor("alert-status").getDomAttribute("data-status")).isEqualTo("ACKNOWLEDGED");
        assertThat(browser.findElements(testId("acknowledge"))).as("acknowledged once only").isEmpty();
        assertNoMissingMessages();
    }

    private static String suffix() {
        return "（" + Long.toString(System.nanoTime() % 100000) + "）";
    }
}

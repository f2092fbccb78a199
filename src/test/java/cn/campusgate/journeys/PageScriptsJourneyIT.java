package cn.campusgate.journeys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the strict Content Security Policy used to break works through the static scripts: the commission's school
 * picker on /schedule opens the school's schedule as soon as a school is chosen, and the bars (a school's semester
 * cap, the dashboard's quota) are as wide as their share. And the console check of every journey does see a
 * violation: an inline style a page would set is reported.
 */
class PageScriptsJourneyIT extends BrowserJourney {

    @Test
    void theCommissionsSchoolPickerOpensTheScheduleAndItsBarIsAsWideAsItsShare() {
        signIn("commission", DEMO_PASSWORD);
        open("/schedule");
        Select picker = new Select(waitFor(By.id("school")));
        String school = picker.getOptions().get(1).getText();
        picker.selectByIndex(1); // no button: the change alone sends the form
        wait.until(ExpectedConditions.urlContains("school="));
        assertThat(waitFor("schedule-cap").getText()).contains(school);
        assertBarsAsWideAsTheirShare("/schedule");
        assertNoMissingMessages();
    }

    @Test
    void theDashboardsBarsAreAsWideAsTheirShare() {
        signIn("commission", DEMO_PASSWORD);
        open("/insight");
        waitFor(By.cssSelector("main"));
        assertBarsAsWideAsTheirShare("/insight");
    }

    @Test
    void theConsoleCheckSeesAnInlineStyleThePolicyRefuses() {
        signIn("commission", DEMO_PASSWORD);
        ((JavascriptExecutor) browser).executeScript(
                "var d = document.createElement('div'); d.innerHTML = '<p style=\"color: red\">x</p>';"
                        + "document.body.appendChild(d);");
        List<String> errors = wait.until(driver -> {
            List<String> found = Chromium.consoleErrors(driver);
            return found.isEmpty() ? null : found;
        });
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("style-src"));
    }

    /** Every bar with a share has the share's width of its track (within two points): the script set it. */
    @SuppressWarnings("unchecked")
    private void assertBarsAsWideAsTheirShare(String page) {
        List<Map<String, Object>> bars = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('[data-width]')).map(function (bar) {
                  return {share: Number(bar.getAttribute('data-width')),
                          width: bar.getBoundingClientRect().width,
                          track: bar.parentElement.getBoundingClientRect().width};
                });""");
        assertThat(bars).as("bars on %s", page).isNotEmpty();
        for (Map<String, Object> bar : bars) {
            double share = ((Number) bar.get("share")).doubleValue();
            double width = ((Number) bar.get("width")).doubleValue();
            double track = ((Number) bar.get("track")).doubleValue();
            assertThat(width / track * 100).as("bar of share %s on %s", share, page)
                    .isBetween(share - 2, share + 2);
        }
    }
}

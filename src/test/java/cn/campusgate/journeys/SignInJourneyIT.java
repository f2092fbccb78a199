package cn.campusgate.journeys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.campusgate.core.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static cn.campusgate.core.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo account signs in, sees its own home page (greeting, organisation, role badges, duties) and
 * signs out again, first in Chinese (the default) and then in English chosen on the sign-in page.
 */
class SignInJourneyIT extends BrowserJourney {

    /** A demo account as the demo district seeds it (see {@code DemoDistrict}). */
    record DemoAccount(String username, String displayName, String organization, Role role) {
        @Override
        public String toString() {
            return username;
        }
    }

    static Stream<DemoAccount> demoAccounts() {
        return Stream.of(
                new DemoAccount("admin", "系统管理员", "合川区", ADMINISTRATOR),
                new DemoAccount("dept.fire", "周消安", "区消防救援支队", APPLICANT),
                new DemoAccount("dept.police", "刘警宁", "区公安局", APPLICANT),
                new DemoAccount("dept.health", "陈卫康", "区卫生健康委", APPLICANT),
                new DemoAccount("dept.justice", "何法明", "区司法局", APPLICANT),
                new DemoAccount("secretary", "杨秘书", "合川区社会事务进校园专家委员会", COMMITTEE_SECRETARY),
                new DemoAccount("expert.edu", "吴教授", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("expert.edu2", "郑研究员", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("expert.school", "孙校长", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("expert.school2", "钱老师", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("expert.npc", "赵代表", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("expert.cppcc", "冯委员", "合川区社会事务进校园专家委员会", EXPERT),
                new DemoAccount("commission", "黄专班", "区教委", COMMISSION_REVIEWER),
                new DemoAccount("district", "林组长", "中共重庆市合川区委教育工作领导小组", DISTRICT_APPROVER),
                new DemoAccount("municipal", "邓处长", "中共重庆市委教育工作领导小组", MUNICIPAL_FILER),
                new DemoAccount("school.sentinel", "罗校长", "合川区二郎镇中心小学", SCHOOL_SENTINEL),
                new DemoAccount("town.erlang", "唐镇长", "二郎镇", TOWN_OFFICE),
                new DemoAccount("supervisor", "曹督学", "合川区人民政府教育督导室", SUPERVISOR));
    }

    /** What a person reads, per language. */
    enum Language {
        CHINESE("zh-CN", "%s，您好", "我的职责", "待办事项", "退出", "您已安全退出。", "用户名或密码不正确", Map.of(
                APPLICANT, "事项开展部门", EXPERT, "专家委员会委员", COMMITTEE_SECRETARY, "专家委员会秘书",
                COMMISSION_REVIEWER, "区教委（专班办公室）", DISTRICT_APPROVER, "区委教育工作领导小组",
                MUNICIPAL_FILER, "市委教育工作领导小组", SCHOOL_SENTINEL, "学校监测哨点", TOWN_OFFICE, "镇街",
                SUPERVISOR, "督导纪检", ADMINISTRATOR, "系统管理员")),
        ENGLISH("en", "Hello, %s", "My duties", "Waiting for you", "Sign out", "You have signed out.",
                "The user name or password is not correct",
                Map.of(APPLICANT, "Applying department", EXPERT, "Expert committee member",
                        COMMITTEE_SECRETARY, "Committee secretary",
                        COMMISSION_REVIEWER, "Education commission (task-force office)",
                        DISTRICT_APPROVER, "District leadership group", MUNICIPAL_FILER, "Municipal leadership group",
                        SCHOOL_SENTINEL, "School monitoring sentinel", TOWN_OFFICE, "Town or street office",
                        SUPERVISOR, "Supervisor", ADMINISTRATOR, "Administrator"));

        final String htmlLang;
        final String greeting;
        final String dutiesHeading;
        final String tasksHeading;
        final String signOut;
        final String signedOut;
        final String wrongPassword;
        final Map<Role, String> roles;

        Language(String htmlLang, String greeting, String dutiesHeading, String tasksHeading, String signOut,
                 String signedOut, String wrongPassword, Map<Role, String> roles) {
            this.htmlLang = htmlLang;
            this.greeting = greeting;
            this.dutiesHeading = dutiesHeading;
            this.tasksHeading = tasksHeading;
            this.signOut = signOut;
            this.signedOut = signedOut;
            this.wrongPassword = wrongPassword;
            this.roles = roles;
        }
    }

    @ParameterizedTest(name = "{0} 中文")
    @MethodSource("demoAccounts")
    void signsInAndOutInChinese(DemoAccount account) {
        assertThat(pageLanguage()).as("the sign-in page is Chinese by default").isEqualTo("zh-CN");

        signIn(account.username(), DEMO_PASSWORD);

        assertThat(path()).isEqualTo("/");
        assertHomePage(account, Language.CHINESE);
        if (account.role() != ADMINISTRATOR) {
            open("/admin/organizations");
            assertThat(waitFor("error-page").getText()).as("an administrator's page, opened by URL")
                    .contains("403", "您的角色无权访问此页面。");
            assertThat(isPresent(testId("organizations"))).isFalse();
        }
        signOutAndStayOut(Language.CHINESE);
    }

    @ParameterizedTest(name = "{0} English")
    @MethodSource("demoAccounts")
    void signsInAndOutInEnglish(DemoAccount account) {
        switchToEnglish();

        signIn(account.username(), DEMO_PASSWORD);

        assertThat(path()).as("the language is remembered, not carried in the URL").isEqualTo("/");
        assertHomePage(account, Language.ENGLISH);
        signOutAndStayOut(Language.ENGLISH);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aWrongPasswordIsRefusedOnTheSignInPage(Language language) {
        if (language == Language.ENGLISH) {
            switchToEnglish();
        }

        submitSignIn("supervisor", "Wrong#Password1");

        assertThat(waitFor("login-error").getText()).contains(language.wrongPassword);
        assertThat(path()).startsWith("/login");
        assertThat(isPresent(testId("current-user"))).as("nobody signed in").isFalse();
        assertThat(pageLanguage()).isEqualTo(language.htmlLang);
        open("/");
        waitFor("login-submit");
        assertThat(path()).as("the home page still needs a sign-in").startsWith("/login");

        // One slip does not lock the account: the right password still opens it.
        signIn("supervisor", DEMO_PASSWORD);
        assertThat(greeting()).isEqualTo(language.greeting.formatted("曹督学"));
    }

    private void switchToEnglish() {
        browser.findElement(By.cssSelector(".cg-lang a[lang='en']")).click();
        wait.until(driver -> "en".equals(pageLanguage()));
        assertThat(waitFor("login-submit").getText()).isEqualTo("Sign in");
        assertNoMissingMessages();
    }

    private void assertHomePage(DemoAccount account, Language language) {
        assertThat(pageLanguage()).isEqualTo(language.htmlLang);
        assertThat(greeting()).isEqualTo(language.greeting.formatted(account.displayName()));
        assertThat(browser.findElement(testId("current-user")).getText())
                .contains(account.displayName(), account.organization());

        List<WebElement> badges = browser.findElements(By.cssSelector(".cg-page-lead [data-role]"));
        assertThat(badges).extracting(badge -> badge.getDomAttribute("data-role")).containsExactly(account.role().name());
        assertThat(badges).extracting(WebElement::getText).containsExactly(language.roles.get(account.role()));

        WebElement duties = browser.findElement(testId("duties"));
        assertThat(duties.findElement(By.className("card-header")).getText()).isEqualTo(language.dutiesHeading);
        assertThat(texts(By.cssSelector("[data-testid='duties'] .cg-duty h2")))
                .containsExactly(language.roles.get(account.role()));
        assertThat(texts(By.cssSelector("[data-testid='duties'] .cg-duty p")))
                .singleElement().asString().hasSizeGreaterThan(10);
        assertThat(browser.findElement(testId("tasks")).getText()).startsWith(language.tasksHeading);

        boolean administrator = account.role() == ADMINISTRATOR;
        assertThat(isPresent(By.cssSelector("a[data-nav='/admin/organizations']")))
                .as("organisations in the navigation").isEqualTo(administrator);
        assertThat(isPresent(By.cssSelector("a[data-nav='/admin/accounts']")))
                .as("accounts in the navigation").isEqualTo(administrator);
        assertThat(browser.findElement(testId("logout")).getText()).isEqualTo(language.signOut);
        assertNoMissingMessages();
    }

    private String greeting() {
        return waitFor(By.cssSelector("h1.cg-page-title")).getText();
    }

    private void signOutAndStayOut(Language language) {
        signOut();
        assertThat(pageLanguage()).isEqualTo(language.htmlLang);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(language.signedOut);
        if (language == Language.CHINESE) { // once per account is enough to show that the session is over
            open("/");
            waitFor("login-submit");
            assertThat(path()).as("the session is over").startsWith("/login");
        }
    }
}

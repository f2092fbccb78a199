package cn.campusgate.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which raw query strings {@link MalformedRequests} lets through to Tomcat's decoding. */
class MalformedRequestsTests {

    @Test
    void wellFormedQueriesPass() {
        assertThat(MalformedRequests.readable("")).isTrue();
        assertThat(MalformedRequests.readable("tab=ORGANIZATION&page=2")).isTrue();
        assertThat(MalformedRequests.readable("school=%E5%90%88%E5%B7%9D%E5%8C%BA&title=a+b&x=")).isTrue();
        assertThat(MalformedRequests.readable("lang=en&&flag")).isTrue();
        assertThat(MalformedRequests.readable("q=%25%2B%26")).isTrue();
    }

    @Test
    void malformedEscapesInvalidUtf8AndControlCharactersAreCaught() {
        assertThat(MalformedRequests.readable("x=%FF")).isFalse();
        assertThat(MalformedRequests.readable("x=%C3%28")).isFalse();
        assertThat(MalformedRequests.readable("x=%E4%B8")).isFalse();
        assertThat(MalformedRequests.readable("x=%")).isFalse();
        assertThat(MalformedRequests.readable("x=%4")).isFalse();
        assertThat(MalformedRequests.readable("x=%zz")).isFalse();
        assertThat(MalformedRequests.readable("%FF=1")).isFalse();
        assertThat(MalformedRequests.readable("x=a%00b")).isFalse();
        assertThat(MalformedRequests.readable("x=%1B")).isFalse();
        assertThat(MalformedRequests.readable("x=%7F")).isFalse();
        assertThat(MalformedRequests.readable("x=%0A")).isFalse();
    }
}

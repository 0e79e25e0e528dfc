package dev.gigawatt.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> SITE_KEYS =
            List.of("name", "grid", "capacity", "cooling", "pue", "wue", "electricityPrice");

    @Test
    void closest_oneLetterMissing_returnsTheKey() {
        assertThat(Suggestions.closest("capacty", SITE_KEYS)).isEqualTo("capacity");
    }

    @Test
    void closest_differentCase_returnsCandidateAsWritten() {
        assertThat(Suggestions.closest("us-oh", List.of("US-TX", "US-OH"))).isEqualTo("US-OH");
    }

    @Test
    void closest_givenIsPartOfCandidate_countsAsClose() {
        assertThat(Suggestions.closest("H100", List.of("A100-SXM", "H100-SXM"))).isEqualTo("H100-SXM");
    }

    @Test
    void closest_severalClose_returnsTheNearest() {
        // grd -> grid is one insertion; grd -> guard is two edits.
        assertThat(Suggestions.closest("grd", List.of("guard", "grid"))).isEqualTo("grid");
    }

    @Test
    void closest_tie_returnsTheFirstCandidate() {
        assertThat(Suggestions.closest("ab", List.of("ac", "ad"))).isEqualTo("ac");
    }

    @Test
    void closest_nothingPlausible_returnsNull() {
        assertThat(Suggestions.closest("zzzzzz", SITE_KEYS)).isNull();
        assertThat(Suggestions.closest("capacity", List.of())).isNull();
    }

    @Test
    void closest_allowedDistance_growsWithLengthAtAThird() {
        // 9 letters allow max(2, 9 / 3) = 3 edits.
        assertThat(Suggestions.closest("abcdefghi", List.of("abcxyzghi"))).isEqualTo("abcxyzghi");
        assertThat(Suggestions.closest("abcdefghi", List.of("abwxyzghi"))).isNull();
        // Short words still allow 2 edits.
        assertThat(Suggestions.closest("pue", List.of("pxx"))).isEqualTo("pxx");
        assertThat(Suggestions.closest("pue", List.of("xxx"))).isNull();
    }

    @Test
    void hint_closeCandidate_returnsDidYouMeanSuffix() {
        assertThat(Suggestions.hint("coolng", SITE_KEYS)).isEqualTo("; did you mean 'cooling'?");
    }

    @Test
    void hint_nothingClose_returnsEmptyString() {
        assertThat(Suggestions.hint("zzzzzz", SITE_KEYS)).isEmpty();
    }

    @Test
    void distance_classicExamples_matchHandCount() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(Suggestions.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}

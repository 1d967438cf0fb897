package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DidYouMeanTest {
    static Stream<Arguments> suggestions() {
        return Stream.of(
                // the example: 'label' is the label column, so not a candidate for the scores
                Arguments.of("prob", List.of("score", "transaction_id"), "score"),
                Arguments.of("scroe", List.of("label", "score"), "score"),
                Arguments.of("Score", List.of("label", "score"), "score"),
                Arguments.of("prob", List.of("label", "probability"), "probability"),
                Arguments.of("Adialer", List.of("Agent.FYI", "Adialer.C", "Allaple.A"), "Adialer.C"),
                Arguments.of("evalute", List.of("evaluate", "curves"), "evaluate"),
                // nothing in common: no suggestion
                Arguments.of("x", List.of("label", "score"), null),
                Arguments.of("b", List.of("id", "label", "a"), null),
                Arguments.of("zzzz", List.of("label", "score"), null),
                Arguments.of("anything", List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("suggestions")
    void closestName(String typed, List<String> candidates, String expected) {
        assertEquals(Optional.ofNullable(expected), DidYouMean.closest(typed, candidates));
        assertEquals(expected == null ? "" : "; did you mean '" + expected + "'?", DidYouMean.hint(typed, candidates));
    }

    @Test
    void firstOfEquallyCloseNamesWins() {
        assertEquals(Optional.of("ab"), DidYouMean.closest("aa", List.of("ab", "ba", "ac")));
    }

    @Test
    void levenshteinDistanceByHand() {
        assertEquals(0, DidYouMean.distance("", ""));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(4, DidYouMean.distance("prob", "score"));
        assertEquals(2, DidYouMean.distance("scroe", "score"));
    }

    @Test
    void listIsCapped() {
        assertEquals("a, b", DidYouMean.list(List.of("a", "b"), 5));
        assertEquals("a, b, ... (2 more)", DidYouMean.list(List.of("a", "b", "c", "d"), 2));
    }
}

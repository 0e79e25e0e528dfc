package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingModelTest {
    @Test
    void flops_denseTerm_isSixND() {
        assertThat(TrainingModel.denseFlops(1e9, 1e12)).isEqualTo(6e21);
    }

    @Test
    void flops_attentionTerm_isSixLsdPerToken() {
        // N = 0 isolates attention: 6 · 2 layers · 1,000 tokens · 100 wide · 10 tokens = 1.2e7.
        assertThat(TrainingModel.flops(0, 10, 2, 100, 1000)).isEqualTo(1.2e7);
    }

    @Test
    void computeSeconds_handComputed() {
        // 1e21 FLOPs on 100 accelerators at 1e15 FLOP/s and 50% MFU: 1e21 / 5e16 = 20,000 s.
        assertThat(TrainingModel.computeSeconds(1e21, 100, 1e15, 0.5)).isCloseTo(20_000, within(1e-9));
    }
}

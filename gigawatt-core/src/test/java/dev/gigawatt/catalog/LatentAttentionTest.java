package dev.gigawatt.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatentAttentionTest {
    private static final ModelSpec DEEPSEEK =
            Catalog.builtIn().models().find("deepseek-v3").orElseThrow();
    private static final ModelSpec LLAMA_70B =
            Catalog.builtIn().models().find("llama-3.1-70b").orElseThrow();

    @Test
    void deepseek_cachesOneLatentAndRotaryKeyPerLayer() {
        // 61 layers x (512 latent + 64 rotary key) values, at 1 byte each (FP8 cache): 35,136 B/token.
        assertThat(DEEPSEEK.latentAttention()).isEqualTo(new LatentAttention(512, 64, 128, 128));
        assertThat(DEEPSEEK.kvCacheBytesPerToken(1)).isEqualTo(35_136);
        assertThat(DEEPSEEK.shape().experts()).isEqualTo(256);
    }

    @Test
    void deepseek_decodeAttentionRunsOverTheLatent_prefillOverExpandedHeads() {
        // Decode, absorbed: per head and position 2 x (512 + 64) + 2 x 512 = 2,176 FLOPs; x 128 heads x 61
        // layers x 1,000 positions.
        assertThat(DEEPSEEK.decodeAttentionFlops(1000)).isCloseTo(61.0 * 128 * 2176 * 1000, within(1.0));
        // Prefill: per head and pair 2 x (128 + 64) + 2 x 128 = 640 FLOPs over half the 1,000 x 1,000 square.
        assertThat(DEEPSEEK.prefillAttentionFlops(1000)).isCloseTo(61.0 * 128 * 640 * 1000 * 1000 / 2, within(1.0));
    }

    @Test
    void groupedQueryAttention_keepsTheHeadFormulas() {
        // Llama 3.1 70B: 80 layers, 64 heads of 128, 8 KV heads.
        assertThat(LLAMA_70B.latentAttention()).isNull();
        assertThat(LLAMA_70B.kvCacheBytesPerToken(2)).isEqualTo(2.0 * 80 * 8 * 128 * 2);
        assertThat(LLAMA_70B.decodeAttentionFlops(1000)).isEqualTo(4.0 * 80 * 64 * 128 * 1000);
        assertThat(LLAMA_70B.prefillAttentionFlops(1000)).isEqualTo(2.0 * 80 * 64 * 128 * 1000 * 1000);
    }
}

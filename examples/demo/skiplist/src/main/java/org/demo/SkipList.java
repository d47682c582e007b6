package org.demo;

import java.util.Random;

/**
 * An ordered map with expected O(log n) operations.
 *
 * @see <a href="https://doi.org/10.1145/78973.78977">W. Pugh, "Skip lists: a probabilistic
 *     alternative to balanced trees", CACM 1990</a>
 */
public class SkipList<K extends Comparable<K>, V> {
  private final Random random = new Random();

  /** Draws a level with P(level >= i) = 2^-i, the coin flipping of Pugh's paper. */
  int randomLevel(int max) {
    int level = 1;
    while (level < max && random.nextBoolean()) {
      level++;
    }
    return level;
  }
}

package dev.gigawatt.sim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A pool's queue of training jobs: a list whose head is removed in O(1) and whose inserts shift the
 * shorter side. Hand-written because no JDK or kept-library collection offers both indexed inserts
 * (priority order, requeue after preemption) and a constant-time head removal.
 */
final class JobQueue extends AbstractList<JobState> implements RandomAccess {
    private JobState[] items = new JobState[16];
    /** Index in {@code items} of element 0; elements occupy {@code [head, head + size)}. */
    private int head;

    private int size;

    @Override
    public JobState get(int index) {
        checkIndex(index, size);
        return items[head + index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void add(int index, JobState job) {
        checkIndex(index, size + 1);
        if (index < size / 2 && head > 0) {
            System.arraycopy(items, head, items, head - 1, index);
            head--;
        } else {
            if (head + size == items.length) {
                makeRoom();
            }
            System.arraycopy(items, head + index, items, head + index + 1, size - index);
        }
        items[head + index] = job;
        size++;
        modCount++;
    }

    @Override
    public JobState remove(int index) {
        checkIndex(index, size);
        JobState removed = items[head + index];
        if (index < size / 2) {
            System.arraycopy(items, head, items, head + 1, index);
            items[head] = null;
            head++;
        } else {
            System.arraycopy(items, head + index + 1, items, head + index, size - index - 1);
            items[head + size - 1] = null;
        }
        size--;
        if (size == 0) {
            head = 0;
        }
        modCount++;
        return removed;
    }

    /** Moves the elements to the front, growing the array when it is more than half full. */
    private void makeRoom() {
        JobState[] target = size * 2 > items.length ? new JobState[items.length * 2] : items;
        System.arraycopy(items, head, target, 0, size);
        if (target == items) {
            Arrays.fill(items, size, head + size, null);
        }
        items = target;
        head = 0;
    }

    private static void checkIndex(int index, int bound) {
        if (index < 0 || index >= bound) {
            throw new IndexOutOfBoundsException("index " + index + ", size bound " + bound);
        }
    }
}

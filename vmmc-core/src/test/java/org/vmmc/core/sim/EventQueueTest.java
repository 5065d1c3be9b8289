package org.vmmc.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private static final Comparator<Event> ORDER =
      Comparator.<Event>comparingLong(e -> e.time).thenComparingLong(e -> e.seq);

  private final EventQueue queue = new EventQueue();
  private long nextSeq;

  private Event add(long time) {
    Event e = new Event(time, nextSeq++, () -> { }, null, null);
    queue.add(e.time, e.seq, e);
    return e;
  }

  @Test
  void emptyQueueHasNothingToGive() {
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.peek()).isNull();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void entriesLeaveByTimeThenSequenceNumber() {
    Event late = add(30);
    Event early = add(10);
    Event tieFirst = add(20);
    Event tieSecond = add(20);

    assertThat(queue.size()).isEqualTo(4);
    assertThat(List.of(queue.poll(), queue.poll(), queue.poll(), queue.poll()))
        .containsExactly(early, tieFirst, tieSecond, late);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void entriesForTheCurrentInstantFollowThoseScheduledEarlierForIt() {
    Event a = add(5);
    Event b = add(5);
    Event c = add(9);
    assertThat(queue.poll()).isSameAs(a);
    Event now1 = add(5); // added while the clock stands at 5: goes behind b
    Event now2 = add(5);

    assertThat(queue.peek()).isSameAs(b);
    assertThat(List.of(queue.poll(), queue.poll(), queue.poll(), queue.poll()))
        .containsExactly(b, now1, now2, c);
  }

  @Test
  void matchesASortedReferenceOverManyRandomOperations() {
    SplittableRandom random = new SplittableRandom(2024);
    TreeSet<Event> reference = new TreeSet<>(ORDER);
    long now = 0;
    List<Event> fromQueue = new ArrayList<>();
    List<Event> fromReference = new ArrayList<>();
    for (int step = 0; step < 50_000; step++) {
      // Mostly adds while small, mostly removals while large; many equal times and zero delays.
      boolean add = reference.isEmpty() || random.nextInt(1_000) >= reference.size() / 2;
      if (add) {
        long delay = random.nextInt(4) == 0 ? 0 : random.nextLong(50);
        reference.add(add(now + delay));
      } else {
        Event expected = reference.pollFirst();
        assertThat(queue.peek()).isSameAs(expected);
        Event got = queue.poll();
        now = got.time;
        fromQueue.add(got);
        fromReference.add(expected);
      }
      assertThat(queue.size()).isEqualTo(reference.size());
    }
    assertThat(fromQueue).containsExactlyElementsOf(fromReference);
    assertThat(fromQueue.size()).isGreaterThan(10_000);
  }

  @Test
  void growsBeyondItsInitialCapacityInBothParts() {
    for (int i = 0; i < 1_000; i++) {
      add(0); // the current instant: the FIFO part
      add(1_000 - i); // the heap part, in reverse order
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(queue.poll().time).isZero();
    }
    for (int i = 1; i <= 1_000; i++) {
      assertThat(queue.poll().time).isEqualTo(i);
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void clearRemovesEverything() {
    add(0);
    add(7);
    queue.clear();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void addingBeforeTheLastRemovedEntryIsASimulatorBug() {
    add(10);
    queue.poll();
    assertThatThrownBy(() -> add(9))
        .isInstanceOf(SimulatorBugException.class)
        .hasMessage("simulator bug: event at 9 ps added after one at 10 ps was removed");
  }
}

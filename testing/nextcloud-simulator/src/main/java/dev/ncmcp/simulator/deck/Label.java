package dev.ncmcp.simulator.deck;

/** A label of a board; cards carry labels of their own board only. */
final class Label {
    final long id;
    final long boardId;
    String title;
    String color;

    Label(long id, long boardId, String title, String color) {
        this.id = id;
        this.boardId = boardId;
        this.title = title;
        this.color = color;
    }
}

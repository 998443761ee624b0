namespace Api.Search;

public enum SearchTable { Meetings, Agreements }

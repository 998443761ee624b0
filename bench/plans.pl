#!/usr/bin/env perl
# Summarises the auto_explain plans in a slice of a PostgreSQL log (stderr format, log_line_prefix '%m [%p] ').
#   perl bench/plans.pl [--big meetings=1000000,delegations=2500000,...] SLICE_FILE
# Prints tab-separated key/value lines for bench/run.sh:
#   statements  number of plans in the slice
#   slowest_ms  the duration of the slowest statement
#   scans       its scans: "Index Scan ix_x", "Bitmap Index Scan ix_y", "Seq Scan table", … (in plan order, deduplicated)
#   nodes       its other node types (Limit, Sort, Hash Join, …)
#   query       the first line of its query text
#   flags       over every statement of the slice: Seq Scans on the --big tables of more than 10,000 rows (with
#               the table's row estimate and the rows the scan read), index or bitmap scans of those tables that
#               threw more than 10,000 rows away (Rows Removed by Filter / Index Recheck), and sorts, hashes or
#               aggregates that spilled to disk
use strict;
use warnings;

my %big;
if (@ARGV >= 2 && $ARGV[0] eq '--big') {
    shift @ARGV;
    for my $pair (split /,/, shift @ARGV) {
        my ($table, $rows) = split /=/, $pair;
        $big{$table} = $rows if defined $rows;
    }
}
my $file = shift @ARGV or die "usage: plans.pl [--big t=rows,...] SLICE_FILE\n";
open my $fh, '<', $file or die "$file: $!\n";

my @plans;    # { ms, lines => [...] }
my $current;
while (my $line = <$fh>) {
    chomp $line;
    if ($line =~ /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* \S+ \[\d+\] LOG:\s+duration: ([\d.]+) ms\s+plan:/) {
        $current = { ms => $1, lines => [] };
        push @plans, $current;
    } elsif ($line =~ /^\t/ && $current) {
        push @{ $current->{lines} }, substr($line, 1);
    } else {
        undef $current;
    }
}

my $node_re = qr/^\s*(?:->\s+)?(.+?)\s+\(cost=[\d.]+\.\.[\d.]+ rows=\d+ width=\d+\)(.*)$/;

sub nodes_of {
    my ($plan) = @_;
    my @nodes;
    for my $l (@{ $plan->{lines} }) {
        if ($l =~ $node_re) {
            my ($desc, $rest) = ($1, $2);
            my ($rows, $loops) = $rest =~ /actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/ ? ($1, $2) : (0, 0);
            push @nodes, { desc => $desc, rows => $rows * $loops, removed => 0, disk => 0 };
        } elsif (@nodes && $l =~ /Rows Removed by (?:Filter|Index Recheck): (\d+)/) {
            $nodes[-1]{removed} += $1;
        } elsif (@nodes && $l =~ /(Sort Method: external|Disk: \d+kB|Batches: (?!1 )\d+)/) {
            $nodes[-1]{disk} = 1;
        }
    }
    return @nodes;
}

sub scan_of {
    my ($desc) = @_;
    return "$1 $2" if $desc =~ /^((?:Parallel )?Index(?: Only)? Scan(?: Backward)?) using (\S+) on /;
    return "$1 $2" if $desc =~ /^(Bitmap Index Scan) on (\S+)/;
    return "$1 $2" if $desc =~ /^((?:Parallel )?(?:Seq Scan|Bitmap Heap Scan|Tid Scan|Sample Scan)) on (\S+)/;
    return "$1 $2" if $desc =~ /^(Function Scan|CTE Scan|Subquery Scan|Values Scan) on (\S+)/;
    return undef;
}

my ($slowest) = sort { $b->{ms} <=> $a->{ms} } @plans;
my (@scans, @others, %seen, @flags, %flag_seen);
if ($slowest) {
    for my $n (nodes_of($slowest)) {
        my $scan = scan_of($n->{desc});
        if (defined $scan) {
            push @scans, $scan unless $seen{"s:$scan"}++;
        } else {
            (my $type = $n->{desc}) =~ s/ (?:on|using) .*//;
            push @others, $type unless $seen{"o:$type"}++;
        }
    }
}
for my $p (@plans) {
    for my $n (nodes_of($p)) {
        if ($n->{desc} =~ /^(?:Parallel )?Seq Scan on (\S+)/ && exists $big{$1} && $big{$1} > 10000) {
            my $f = sprintf 'Seq Scan on %s (%s rows in table, %s read, statement %.1f ms)', $1,
                commify($big{$1}), commify($n->{rows} + $n->{removed}), $p->{ms};
            push @flags, $f unless $flag_seen{$f}++;
        }
        if ($n->{desc} =~ /^((?:Parallel )?(?:Index(?: Only)? Scan(?: Backward)? using \S+|Bitmap Heap Scan)) on (\S+)/
            && exists $big{$2} && $big{$2} > 10000 && $n->{removed} > 10000) {
            my $f = sprintf '%s on %s read %s rows to keep %s (statement %.1f ms)', $1, $2,
                commify($n->{rows} + $n->{removed}), commify($n->{rows}), $p->{ms};
            push @flags, $f unless $flag_seen{$f}++;
        }
        if ($n->{disk}) {
            (my $type = $n->{desc}) =~ s/ (?:on|using) .*//;
            my $f = "$type spilled to disk (statement $p->{ms} ms)";
            push @flags, $f unless $flag_seen{$f}++;
        }
    }
}

sub commify { my $v = reverse int(shift); $v =~ s/(\d{3})(?=\d)/$1,/g; return scalar reverse $v; }

my $query = '';
if ($slowest) {
    for my $l (@{ $slowest->{lines} }) {
        if ($l =~ /^Query Text: (.*)/) { $query = $1; last; }
    }
    $query =~ s/\s+/ /g;
    $query = substr($query, 0, 160);
}
printf "statements\t%d\n", scalar @plans;
printf "slowest_ms\t%s\n", $slowest ? sprintf('%.1f', $slowest->{ms}) : '-';
printf "scans\t%s\n", join('; ', @scans) || '-';
printf "nodes\t%s\n", join(', ', @others) || '-';
printf "query\t%s\n", $query;
printf "flags\t%s\n", join(' | ', @flags);

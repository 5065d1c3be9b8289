/**
 * The output of a run: terminal and Markdown tables, PNG charts drawn with XChart,
 * results.json, CSV files and REPORT.md.
 */
package org.vmmc.bench.report;

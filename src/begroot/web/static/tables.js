// begroot tables: every data table sortable by any column, filterable by text, and downloadable as shown
// (CSV, CSV for Flemish Excel with ";" and a decimal comma, XLSX). Our own small script, served by begroot;
// without JavaScript the tables stay as they are.
(function () {
  "use strict";

  var EN = document.documentElement.lang === "en";
  var WORDS = EN
    ? { filter: "Filter", rows: "rows", of: "of", sort: "Sort by", csv: "CSV", excel: "CSV (Excel ;)", xlsx: "XLSX", tools: "Table tools" }
    : { filter: "Filter", rows: "rijen", of: "van", sort: "Sorteer op", csv: "CSV", excel: "CSV (Excel ;)", xlsx: "XLSX", tools: "Tabel" };
  var THOUSANDS = EN ? /,/g : /\./g;
  var DECIMAL = EN ? "." : ",";
  var counter = 0;

  // ------------------------------------------------------------------ reading cells

  function headerText(cell) {
    var copy = cell.cloneNode(true);
    copy.querySelectorAll(".sort").forEach(function (b) { b.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // A cell's number: its data-value when the page gives one, else its text read in the page's format.
  function numberOf(cell) {
    if (!cell) return null;
    var raw = cell.getAttribute("data-value");
    if (raw !== null && raw !== "" && !isNaN(Number(raw))) return Number(raw);
    var text = cell.textContent.replace(/\s|%|\u202f/g, "").replace(/^\+/, "").replace(/−/g, "-");
    if (!/^-?[\d.,]+$/.test(text)) return null;
    var value = Number(text.replace(THOUSANDS, "").replace(DECIMAL, "."));
    return isNaN(value) ? null : value;
  }

  function textOf(cell) {
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function bodyRows(table) {
    return Array.prototype.slice.call(table.tBodies.length ? table.tBodies[0].rows : []);
  }

  // ------------------------------------------------------------------ sorting

  function sortBy(table, column, button) {
    var header = button.closest("th");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = bodyRows(table);
    var numeric = rows.every(function (r) { return numberOf(r.cells[column]) !== null || textOf(r.cells[column]) === "" || textOf(r.cells[column]) === "–"; });
    rows.sort(function (a, b) {
      var x, y;
      if (numeric) {
        x = numberOf(a.cells[column]); y = numberOf(b.cells[column]);
        if (x === null) return 1;
        if (y === null) return -1;
        return ascending ? x - y : y - x;
      }
      x = textOf(a.cells[column]); y = textOf(b.cells[column]);
      return ascending ? x.localeCompare(y, EN ? "en" : "nl", { numeric: true }) : y.localeCompare(x, EN ? "en" : "nl", { numeric: true });
    });
    var body = table.tBodies[0];
    rows.forEach(function (r) { body.appendChild(r); });
  }

  // Sorting needs one header row of plain columns (no spans): where a table has more, only filtering.
  function sortable(table) {
    var head = table.tHead;
    if (!head || head.rows.length !== 1) return false;
    return Array.prototype.every.call(head.rows[0].cells, function (c) { return c.colSpan === 1 && c.rowSpan === 1; }) &&
      bodyRows(table).every(function (r) { return r.cells.length === head.rows[0].cells.length; });
  }

  function addSortButtons(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = "↕";
      button.setAttribute("aria-label", WORDS.sort + " " + headerText(th));
      button.addEventListener("click", function () { sortBy(table, column, button); });
      th.appendChild(document.createTextNode(" "));
      th.appendChild(button);
    });
  }

  // ------------------------------------------------------------------ filtering

  function filter(table, text, status) {
    var needle = text.toLowerCase().trim();
    var rows = bodyRows(table);
    var shown = 0;
    rows.forEach(function (r) {
      var hit = !needle || r.textContent.toLowerCase().indexOf(needle) !== -1;
      r.hidden = !hit;
      if (hit) shown += 1;
    });
    status.textContent = shown + " " + WORDS.of + " " + rows.length + " " + WORDS.rows;
  }

  // ------------------------------------------------------------------ downloads: exactly the rows shown

  function grid(table) {
    var head = table.tHead ? Array.prototype.map.call(table.tHead.rows[table.tHead.rows.length - 1].cells, headerText) : [];
    var rows = bodyRows(table).filter(function (r) { return !r.hidden; }).map(function (r) {
      return Array.prototype.map.call(r.cells, function (cell) {
        var value = cell.getAttribute("data-value");
        if (value !== null && value !== "" && !isNaN(Number(value))) return Number(value);
        return textOf(cell);
      });
    });
    return { head: head, rows: rows };
  }

  // Text a spreadsheet would run as a formula is made inert (as every CSV begroot writes: docs/export.md).
  function inert(text) {
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  function csv(data, separator, decimal) {
    function field(value) {
      var text = typeof value === "number" ? String(value).replace(".", decimal) : inert(String(value));
      return /["\n\r]/.test(text) || text.indexOf(separator) !== -1 ? '"' + text.replace(/"/g, '""') + '"' : text;
    }
    return [data.head].concat(data.rows).map(function (row) { return row.map(field).join(separator); }).join("\r\n") + "\r\n";
  }

  function save(name, type, parts) {
    var url = URL.createObjectURL(new Blob(parts, { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ------------------------------------------------------------------ XLSX: a zip (stored) of five XML parts

  var CRC = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function zip(files) {
    var encoder = new TextEncoder();
    var chunks = [], central = [], offset = 0;
    function le(size, value) {
      var out = new Uint8Array(size);
      for (var i = 0; i < size; i++) out[i] = (value >>> (8 * i)) & 0xff;
      return out;
    }
    function concat(list) {
      var length = list.reduce(function (s, a) { return s + a.length; }, 0), out = new Uint8Array(length), at = 0;
      list.forEach(function (a) { out.set(a, at); at += a.length; });
      return out;
    }
    files.forEach(function (file) {
      var name = encoder.encode(file.name), data = encoder.encode(file.text), crc = crc32(data);
      var common = [le(2, 20), le(2, 0x0800), le(2, 0), le(2, 0), le(2, 0x21), le(4, crc), le(4, data.length), le(4, data.length), le(2, name.length), le(2, 0)];
      var local = concat([le(4, 0x04034b50)].concat(common, [name, data]));
      central.push(concat([le(4, 0x02014b50), le(2, 20)].concat(common, [le(2, 0), le(2, 0), le(2, 0), le(4, 0), le(4, offset), name])));
      chunks.push(local);
      offset += local.length;
    });
    var directory = concat(central);
    var end = concat([le(4, 0x06054b50), le(2, 0), le(2, 0), le(2, files.length), le(2, files.length), le(4, directory.length), le(4, offset), le(2, 0)]);
    return concat(chunks.concat([directory, end]));
  }

  function escapeXml(text) {
    return String(text).replace(/[<>&"]/g, function (c) { return { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" }[c]; })
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  }

  function column(index) {
    var name = "";
    for (index += 1; index > 0; index = Math.floor((index - 1) / 26)) name = String.fromCharCode(65 + ((index - 1) % 26)) + name;
    return name;
  }

  function xlsx(data) {
    var rows = [data.head].concat(data.rows).map(function (row, r) {
      return '<row r="' + (r + 1) + '">' + row.map(function (value, c) {
        var ref = column(c) + (r + 1);
        return typeof value === "number"
          ? '<c r="' + ref + '"><v>' + value + "</v></c>"
          : '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + escapeXml(value) + "</t></is></c>";
      }).join("") + "</row>";
    }).join("");
    var ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    var rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    return zip([
      { name: "[Content_Types].xml", text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
      { name: "_rels/.rels", text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + rel + '/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
      { name: "xl/workbook.xml", text: '<?xml version="1.0" encoding="UTF-8"?><workbook ' + ns + ' xmlns:r="' + rel + '"><sheets><sheet name="begroot" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: "xl/_rels/workbook.xml.rels", text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + rel + '/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: "xl/worksheets/sheet1.xml", text: '<?xml version="1.0" encoding="UTF-8"?><worksheet ' + ns + "><sheetData>" + rows + "</sheetData></worksheet>" }
    ]);
  }

  // ------------------------------------------------------------------ the toolbar

  function button(text, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  }

  function tools(table) {
    counter += 1;
    var name = (table.id || "table-" + counter);
    var bar = document.createElement("div");
    bar.className = "table-tools";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", WORDS.tools + " " + name);
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = "filter-" + counter;
    input.className = "table-filter";
    label.htmlFor = input.id;
    label.textContent = WORDS.filter;
    var status = document.createElement("span");
    status.className = "table-count";
    status.setAttribute("aria-live", "polite");
    input.addEventListener("input", function () { filter(table, input.value, status); });
    bar.appendChild(label);
    bar.appendChild(input);
    bar.appendChild(status);
    bar.appendChild(button(WORDS.csv, function () { save(name + ".csv", "text/csv", [csv(grid(table), ",", ".")]); }));
    bar.appendChild(button(WORDS.excel, function () { save(name + "-excel.csv", "text/csv", ["\ufeff", csv(grid(table), ";", ",")]); }));
    bar.appendChild(button(WORDS.xlsx, function () {
      save(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [xlsx(grid(table))]);
    }));
    var holder = table.closest(".scroll") || table;
    holder.parentNode.insertBefore(bar, holder);
    filter(table, "", status);
  }

  function enhance() {
    document.querySelectorAll("main table").forEach(function (table) {
      if (!table.tBodies.length || bodyRows(table).length < 2 || table.getAttribute("data-tools") === "off") return;
      if (sortable(table)) addSortButtons(table);
      tools(table);
      table.setAttribute("data-tools", "on");
    });
  }

  window.begrootTables = { csv: csv, grid: grid, xlsx: xlsx };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  else enhance();
})();

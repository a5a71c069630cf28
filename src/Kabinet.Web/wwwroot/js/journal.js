// The journal's fast entry: arrow keys move between the cells of the class table, Enter goes down to the next
// student (instead of sending the form). Without this script the table still works with Tab and the form button.
(function () {
    'use strict';

    var table = document.querySelector('[data-journal-grid]');
    if (!table) {
        return;
    }

    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function fields(row) {
        return Array.prototype.slice.call(row.querySelectorAll('input:not([disabled]), select:not([disabled])'));
    }

    function move(row, column, rowStep, columnStep) {
        var r = row + rowStep;
        var c = column + columnStep;
        while (r >= 0 && r < rows.length) {
            var cells = fields(rows[r]);
            if (c >= 0 && c < cells.length) {
                cells[c].focus();
                if (cells[c].select && cells[c].tagName === 'INPUT') {
                    cells[c].select();
                }
                return true;
            }
            if (columnStep !== 0) {
                return false;
            }
            r += rowStep;
        }
        return false;
    }

    table.addEventListener('keydown', function (event) {
        var target = event.target;
        if (target.tagName !== 'INPUT' && target.tagName !== 'SELECT') {
            return;
        }
        var row = rows.indexOf(target.closest('tr'));
        if (row < 0) {
            return;
        }
        var column = fields(rows[row]).indexOf(target);
        var isText = target.tagName === 'INPUT';
        var atStart = !isText || (target.selectionStart === 0 && target.selectionEnd === 0);
        var atEnd = !isText || (target.selectionStart === target.value.length);
        var moved = false;
        if (event.key === 'Enter' || (event.key === 'ArrowDown' && isText)) {
            moved = move(row, column, 1, 0);
            if (event.key === 'Enter') {
                event.preventDefault();
            }
        } else if (event.key === 'ArrowUp' && isText) {
            moved = move(row, column, -1, 0);
        } else if (event.key === 'ArrowRight' && isText && atEnd) {
            moved = move(row, column, 0, 1);
        } else if (event.key === 'ArrowLeft' && isText && atStart) {
            moved = move(row, column, 0, -1);
        }
        if (moved) {
            event.preventDefault();
        }
    });
}());

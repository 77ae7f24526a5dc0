/* global document, window */
// The signature pad of the patient's consent page: the one script on a patient page. It records
// pointer strokes (finger, pen or mouse) as [x, y] points in the canvas's CSS pixels and writes them,
// with the pad's size, as JSON into the hidden field the form posts. Nothing else is read or sent.
(function () {
  var MAX_STROKES = 50;
  var MAX_POINTS = 2000;

  function setUp(canvas) {
    var field = document.getElementById(canvas.getAttribute('data-signature-for'));
    var strokes = [];
    var current = null;

    function size() {
      var rect = canvas.getBoundingClientRect();
      return { width: Math.round(rect.width * 10) / 10, height: Math.round(rect.height * 10) / 10 };
    }

    function redraw() {
      var rect = canvas.getBoundingClientRect();
      var ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(rect.width * ratio);
      canvas.height = Math.round(rect.height * ratio);
      var ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
      strokes.forEach(function (stroke) {
        ctx.beginPath();
        stroke.forEach(function (p, i) {
          if (i === 0) ctx.moveTo(p[0], p[1]);
          else ctx.lineTo(p[0], p[1]);
        });
        if (stroke.length === 1) ctx.lineTo(stroke[0][0] + 0.5, stroke[0][1] + 0.5);
        ctx.stroke();
      });
    }

    function publish() {
      var s = size();
      field.value =
        strokes.length === 0 ? '' : JSON.stringify({ width: s.width, height: s.height, strokes: strokes });
    }

    function point(e) {
      var rect = canvas.getBoundingClientRect();
      var round = function (n) {
        return Math.round(n * 10) / 10;
      };
      return [
        round(Math.min(Math.max(e.clientX - rect.left, 0), rect.width)),
        round(Math.min(Math.max(e.clientY - rect.top, 0), rect.height)),
      ];
    }

    canvas.addEventListener('pointerdown', function (e) {
      if (strokes.length >= MAX_STROKES) return;
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      current = [point(e)];
      strokes.push(current);
      redraw();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!current || current.length >= MAX_POINTS) return;
      current.push(point(e));
      redraw();
    });
    function end() {
      if (!current) return;
      current = null;
      publish();
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    var clear = document.querySelector('[data-signature-clear="' + field.id + '"]');
    if (clear)
      clear.addEventListener('click', function () {
        strokes = [];
        publish();
        redraw();
      });
    window.addEventListener('resize', redraw);
    redraw();
  }

  document.querySelectorAll('canvas[data-signature-for]').forEach(setUp);
})();
